using AniPlanner.Application.Common.Text;
using AniPlanner.Application.Common.Wire;
using AniPlanner.Domain.AniPlanning.Regions;
using FluentValidation;

namespace AniPlanner.Application.AniPlanning.Regions.ListRegions;

public sealed class ListRegionsValidator : AbstractValidator<ListRegions>
{
    public ListRegionsValidator() =>
        RuleFor(query => query.Country)
            .Must(country => WireEnum<PlannerCountry>.TryParse(country, out _))
            .WithMessage(query => $"country must be \"us\", \"ca\" or \"uk\"; got '{EchoedInput.Shorten(query.Country)}'.");
}
