using FluentValidation;

namespace AniPlanner.Application.AniPlanning.AniInventory.ListAnis;

public sealed class ListAnisValidator : AbstractValidator<ListAnis>
{
    public ListAnisValidator()
    {
        RuleFor(query => query.Page).GreaterThanOrEqualTo(1).WithMessage("page starts at 1.");
        RuleFor(query => query.PageSize)
            .InclusiveBetween(1, ListAnisHandler.MaxPageSize)
            .WithMessage($"pageSize must be between 1 and {ListAnisHandler.MaxPageSize}.");
    }
}
