using AniPlanner.Application.Common.Wire;
using FluentValidation;

namespace AniPlanner.Application.Identity.Users.ListUsers;

public sealed class ListUsersValidator : AbstractValidator<ListUsers>
{
    public ListUsersValidator() => this.AddPagingRules(query => query.PageSize, query => query.PageToken);
}
