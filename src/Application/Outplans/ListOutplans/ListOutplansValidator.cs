using AniPlanner.Application.Common.Wire;
using FluentValidation;

namespace AniPlanner.Application.Outplans.ListOutplans;

public sealed class ListOutplansValidator : AbstractValidator<ListOutplans>
{
    public ListOutplansValidator() => this.AddPagingRules(query => query.PageSize, query => query.PageToken);
}
