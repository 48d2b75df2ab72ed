using AniPlanner.Application.AniPlanning.Common;
using AniPlanner.Application.Common.Wire;
using AniPlanner.Domain.AniPlanning.Regions;
using Mediator;

namespace AniPlanner.Application.AniPlanning.Regions.ListRegions;

/// <summary>The plan rows of a country with the area codes each covers.</summary>
public sealed record ListRegions(string? Country) : IQuery<IReadOnlyList<RegionDto>>;

public sealed class ListRegionsHandler(IPhoneGeography geography) : IQueryHandler<ListRegions, IReadOnlyList<RegionDto>>
{
    public ValueTask<IReadOnlyList<RegionDto>> Handle(ListRegions query, CancellationToken cancellationToken)
    {
        WireEnum<PlannerCountry>.TryParse(query.Country, out var country);
        var iso = country switch { PlannerCountry.Us => "US", PlannerCountry.Ca => "CA", _ => "GB" };

        // A country's own codes, plus toll-free (shared by the US and Canada) for US/CA.
        var regions = geography.Areas
            .Where(area => area.Country == iso || (area.Kind == AreaKind.TollFree && country != PlannerCountry.Uk))
            .Select(area => (Area: area, Row: PlanRows.RowOf(area, country)))
            .Where(pair => pair.Row is not null)
            .GroupBy(pair => (pair.Row!.Region, pair.Row.State))
            .Select(group => new RegionDto(group.Key.Region, group.Key.State, [.. group.Select(pair => pair.Area.AreaCode).Order(StringComparer.Ordinal)]))
            .OrderBy(region => region.State, StringComparer.Ordinal)
            .ThenBy(region => region.Region, StringComparer.Ordinal)
            .ToList();
        return ValueTask.FromResult<IReadOnlyList<RegionDto>>(regions);
    }
}
