using AniPlanner.Application.AniPlanning.Common;
using AniPlanner.Domain.AniPlanning.Dials;
using AniPlanner.Domain.AniPlanning.Regions;

namespace AniPlanner.Application.AniPlanning.GeneratePlan;

/// <summary>What the arithmetic needs besides the counts: whose plan, how dials were grouped, over how many weekdays, against what target.</summary>
public sealed record PlanBasis(PlannerCountry Country, DialGrouping Grouping, int BizDays, int DailyDialsTarget);

/// <summary>The plan's rows (in order) and totals, as the contract names them.</summary>
public sealed record PlanFigures(
    IReadOnlyList<RegionStatDto> RegionStats,
    long TotalDials,
    long TotalContacts,
    decimal OverallContactRate,
    int TotalCurrentAnis,
    int TotalProposedAnis,
    int AniDifference,
    bool MissingZipData,
    int TollFreeRecommendation,
    long UnmappedDials);

/// <summary>
/// The plan's arithmetic over counts the database has already summed: which row each area key
/// fills, each row's daily average and proposed ANIs, the rows' order and the totals. No I/O, so
/// every rule can be checked by hand.
/// </summary>
public static class PlanCalculator
{
    /// <summary>A UK plan suggests one toll-free number per this many proposed ANIs, rounded up.</summary>
    public const int ProposedAnisPerTollFree = 100;

    /// <param name="dials">Dials and contacts per area key in the range (keys "" or unknown fit no row).</param>
    /// <param name="anis">The counted ANIs per area key.</param>
    /// <param name="areaOf">The reference row behind an area key (<see cref="IPhoneGeography.Area"/>).</param>
    public static PlanFigures Calculate(
        PlanBasis basis, IReadOnlyList<AreaVolume> dials, IReadOnlyList<KeyCount> anis, Func<string, RegionArea?> areaOf)
    {
        // The validator refuses ranges without a weekday: a daily average needs at least one.
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(basis.BizDays);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(basis.DailyDialsTarget);

        var (rows, unmapped) = Rows(basis, dials, anis, areaOf);
        var totalDials = rows.Sum(row => row.Dials);
        var totalContacts = rows.Sum(row => row.Contacts);
        var totalCurrent = rows.Sum(row => row.Stat.CurrentAnis);
        var totalProposed = rows.Sum(row => row.Stat.ProposedAnis);

        return new PlanFigures(
            [.. rows.Select(row => row.Stat)],
            totalDials,
            totalContacts,
            ContactRate(totalContacts, totalDials),
            totalCurrent,
            totalProposed,
            totalProposed - totalCurrent,
            MissingZipData(basis.Grouping, dials),
            basis.Country == PlannerCountry.Uk ? (int)Math.Ceiling(totalProposed / (double)ProposedAnisPerTollFree) : 0,
            unmapped);
    }

    /// <summary>100 × contacts / dials, to one decimal (always printed with it), 0 without dials.</summary>
    private static decimal ContactRate(long contacts, long dials) =>
        (dials == 0 ? 0m : Math.Round(100m * contacts / dials, 1, MidpointRounding.AwayFromZero)) + 0.0m;

    /// <summary>A ZIP plan whose dials all lack a known ZIP: the company likely sends none.</summary>
    private static bool MissingZipData(DialGrouping grouping, IReadOnlyList<AreaVolume> dials) =>
        grouping == DialGrouping.Zip
        && dials.Any(area => area.Dials > 0)
        && dials.All(area => area.AreaKey.Length == 0 || area.Dials == 0);

    private static (List<RowTotals> Rows, long Unmapped) Rows(
        PlanBasis basis, IReadOnlyList<AreaVolume> dials, IReadOnlyList<KeyCount> anis, Func<string, RegionArea?> areaOf)
    {
        var rows = new Dictionary<PlanRow, RowTotals>();
        long unmapped = 0;

        RowTotals? RowFor(string areaKey)
        {
            var area = areaOf(areaKey);
            var row = PlanRows.RowOf(area, basis.Country);
            if (row is null)
            {
                return null;
            }

            if (!rows.TryGetValue(row, out var totals))
            {
                totals = new RowTotals(row);
                rows.Add(row, totals);
            }

            totals.AreaCodes.Add(area!.AreaCode);
            return totals;
        }

        foreach (var volume in dials.Where(volume => volume.Dials > 0))
        {
            if (RowFor(volume.AreaKey) is { } totals)
            {
                totals.Dials += volume.Dials;
                totals.Contacts += volume.Contacts;
            }
            else
            {
                unmapped += volume.Dials;
            }
        }

        foreach (var count in anis.Where(count => count.Count > 0))
        {
            if (RowFor(count.Key) is { } totals)
            {
                totals.CurrentAnis += count.Count;
            }
        }

        foreach (var totals in rows.Values)
        {
            totals.Complete(basis.BizDays, basis.DailyDialsTarget);
        }

        // Busiest first; equal averages by region, then state, so the order never depends on the reads.
        var ordered = rows.Values
            .OrderByDescending(totals => totals.Stat.DailyDialsAverage)
            .ThenBy(totals => totals.Stat.Region, StringComparer.Ordinal)
            .ThenBy(totals => totals.Stat.State, StringComparer.Ordinal)
            .ToList();
        return (ordered, unmapped);
    }

    private sealed class RowTotals(PlanRow row)
    {
        public SortedSet<string> AreaCodes { get; } = new(StringComparer.Ordinal);
        public long Dials { get; set; }
        public long Contacts { get; set; }
        public int CurrentAnis { get; set; }
        public RegionStatDto Stat { get; private set; } = null!;

        /// <summary>
        /// Daily average: dials over weekdays, rounded up. Proposed: enough ANIs to keep each under
        /// the target (rounded up), never below the row's floor; none for a row without dials.
        /// </summary>
        public void Complete(int bizDays, int target)
        {
            var average = (int)((Dials + bizDays - 1) / bizDays);
            var proposed = Dials == 0 ? 0 : Math.Max((average + target - 1) / target, row.Floor);
            Stat = new RegionStatDto(row.Region, row.State, [.. AreaCodes], average, CurrentAnis, proposed, proposed - CurrentAnis);
        }
    }
}
