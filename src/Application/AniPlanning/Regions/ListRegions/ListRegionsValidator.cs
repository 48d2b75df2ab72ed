using AniPlanner.Application.AniPlanning.Common;
using FluentValidation;

namespace AniPlanner.Application.AniPlanning.Regions.ListRegions;

public sealed class ListRegionsValidator : AbstractValidator<ListRegions>
{
    public ListRegionsValidator() => this.AddCountryRule(query => query.Country);
}
