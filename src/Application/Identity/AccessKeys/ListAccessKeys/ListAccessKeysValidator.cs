using AniPlanner.Application.Common.Wire;
using FluentValidation;

namespace AniPlanner.Application.Identity.AccessKeys.ListAccessKeys;

public sealed class ListAccessKeysValidator : AbstractValidator<ListAccessKeys>
{
    public ListAccessKeysValidator() => this.AddPagingRules(query => query.PageSize, query => query.PageToken);
}
