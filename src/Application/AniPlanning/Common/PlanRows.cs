using AniPlanner.Domain.AniPlanning.Regions;

namespace AniPlanner.Application.AniPlanning.Common;

/// <summary>A row of a plan: the region, its state, and the fewest ANIs a row with dials gets.</summary>
public sealed record PlanRow(string Region, string State, int Floor);

/// <summary>
/// Which plan row an area code counts toward. US/CA: NANP codes roll up by (region, state),
/// toll-free codes into one "TF" row. UK: each area code is a row, and all mobiles one more.
/// Everything else (freephone, non-geographic, foreign, the other plan's codes) is no row.
/// </summary>
public static class PlanRows
{
    public const int RegionFloor = 3;
    public const int TollFreeFloor = 2;
    public const int UkFloor = 2;

    public static PlanRow? RowOf(RegionArea? area) => area switch
    {
        { Kind: AreaKind.Geographic, Plan: RegionArea.Nanp } => new PlanRow(area.Region, area.State, RegionFloor),
        { Kind: AreaKind.TollFree } => new PlanRow(area.Region, area.State, TollFreeFloor),
        { Kind: AreaKind.Geographic or AreaKind.Mobile, Plan: RegionArea.Uk } => new PlanRow(area.Region, area.State, UkFloor),
        _ => null,
    };

    /// <summary>The row in a plan for <paramref name="country"/>: UK plans use UK codes, US/CA plans NANP ones.</summary>
    public static PlanRow? RowOf(RegionArea? area, PlannerCountry country) =>
        area is not null && (area.Plan == RegionArea.Uk) == (country == PlannerCountry.Uk) ? RowOf(area) : null;
}
