using System.Diagnostics;
using AniPlanner.Application.AniPlanning.Campaigns.Common;
using AniPlanner.Application.AniPlanning.Common;
using AniPlanner.Application.AniPlanning.Settings;
using AniPlanner.Application.Common.Exceptions;
using AniPlanner.Application.Common.Persistence;
using AniPlanner.Application.Common.Telemetry;
using AniPlanner.Application.Common.Text;
using AniPlanner.Application.Common.Wire;
using AniPlanner.Domain.AniPlanning.Campaigns;
using AniPlanner.Domain.AniPlanning.Dials;
using AniPlanner.Domain.AniPlanning.Regions;
using AniPlanner.Domain.AniPlanning.Settings;
using Mediator;

namespace AniPlanner.Application.AniPlanning.GeneratePlan;

/// <summary>
/// <c>POST /ani-planner/generate</c>: per region, how many ANIs the company should hold so each
/// number stays under the daily dials target. Every option is optional (the contract's defaults).
/// </summary>
public sealed record GeneratePlan(
    Guid CustomerId,
    string? DateStart,
    string? DateEnd,
    string? DailyDialsTarget,
    string? GroupBy,
    string? InventoryMode,
    IReadOnlyList<string>? Campaigns,
    IReadOnlyList<string>? CampaignsExclude) : IQuery<PlanDto>;

public sealed class GeneratePlanHandler(
    IPlanningQueries queries,
    IRepository<Campaign> campaigns,
    IRepository<PlannerSettings> settings,
    IPhoneGeography geography,
    TimeProvider clock) : IQueryHandler<GeneratePlan, PlanDto>
{
    public async ValueTask<PlanDto> Handle(GeneratePlan query, CancellationToken cancellationToken)
    {
        using var activity = AniPlannerTelemetry.Activities.StartActivity("GeneratePlan");
        var started = Stopwatch.GetTimestamp();
        var plan = await GenerateAsync(query, cancellationToken);
        AniPlannerTelemetry.PlansGenerated.Add(1);
        AniPlannerTelemetry.PlanDuration.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return plan;
    }

    private async Task<PlanDto> GenerateAsync(GeneratePlan query, CancellationToken cancellationToken)
    {
        var (start, end) = PlanOptions.Range(query.DateStart, query.DateEnd, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        var targetName = query.DailyDialsTarget ?? PlanOptions.DefaultDailyDialsTarget;
        var target = PlanOptions.DailyDialsTargets[targetName];
        var groupByName = query.GroupBy ?? PlanOptions.DefaultGroupBy;
        var grouping = PlanOptions.GroupBys[groupByName];
        var inventoryMode = query.InventoryMode ?? PlanOptions.DefaultInventoryMode;

        var country = await CountryAsync(query.CustomerId, cancellationToken);
        if (grouping == DialGrouping.Zip && country == PlannerCountry.Uk)
        {
            throw new BadRequestException("groupBy \"zip\" is for US and Canadian companies; this company's country is uk. Use \"area_code\" or \"ani\".");
        }

        var all = await campaigns.ListAsync(new CampaignsOfCustomerSpec(query.CustomerId), cancellationToken);
        var dialing = all.Where(campaign => campaign.PlacesDials).ToList();
        var selected = SelectCampaigns(all, dialing, query);

        var dials = await queries.DialsByAreaAsync(query.CustomerId, grouping, start, end, [.. selected.Select(campaign => campaign.Id)], cancellationToken);
        var anis = await queries.AnisByAreaAsync(query.CustomerId, inventoryMode == "managed", cancellationToken);
        var bizDays = PlanOptions.Weekdays(start, end);
        var (rows, unmapped) = BuildRows(country, dials, anis, bizDays, target);

        var totalDials = rows.Sum(row => row.Dials);
        var totalContacts = rows.Sum(row => row.Contacts);
        var totalCurrent = rows.Sum(row => row.Stat.CurrentAnis);
        var totalProposed = rows.Sum(row => row.Stat.ProposedAnis);
        var byId = all.ToDictionary(campaign => campaign.Id);

        return new PlanDto
        {
            Country = country.ToWire(),
            DateStart = start.ToString(PlanOptions.DateFormat, System.Globalization.CultureInfo.InvariantCulture),
            DateEnd = end.ToString(PlanOptions.DateFormat, System.Globalization.CultureInfo.InvariantCulture),
            BizDays = bizDays,
            DailyDialsTarget = target,
            GroupBy = groupByName,
            InventoryMode = inventoryMode,
            RegionStats = [.. rows.Select(row => row.Stat)],
            TotalDials = totalDials,
            TotalContacts = totalContacts,
            OverallContactRate = ContactRate(totalContacts, totalDials),
            TotalCurrentAnis = totalCurrent,
            TotalProposedAnis = totalProposed,
            AniDifference = totalProposed - totalCurrent,
            MissingZipData = grouping == DialGrouping.Zip && dials.Any(area => area.Dials > 0) && dials.All(area => area.AreaKey.Length == 0 || area.Dials == 0),
            TollFreeRecommendation = country == PlannerCountry.Uk ? (int)Math.Ceiling(totalProposed / 100.0) : 0,
            SelectedCampaigns = [.. selected.Select(campaign => campaign.Number)],
            Campaigns = [.. dialing.Select(campaign => CampaignDto.From(campaign, byId))],
            UnmappedDials = unmapped,
        };
    }

    /// <summary>The override if set; else the country most ANIs belong to; else that of the dials' ANIs; else us.</summary>
    private async Task<PlannerCountry> CountryAsync(Guid customerId, CancellationToken cancellationToken)
    {
        var configured = await settings.FirstOrDefaultAsync(new PlannerSettingsOfCustomerSpec(customerId), cancellationToken);
        if (configured?.Country is { } overridden)
        {
            return overridden;
        }

        var byAnis = (await queries.AnisByCountryAsync(customerId, cancellationToken))
            .Select(count => (Country: PlannerCountries.FromIso(count.Key), Weight: (long)count.Count));
        if (MostCommon(byAnis) is { } fromAnis)
        {
            return fromAnis;
        }

        // Only without ANIs: summing every dial's ANI area is the plan's costliest read.
        var byDials = (await queries.AllDialsByAniAreaAsync(customerId, cancellationToken))
            .Select(volume => (Country: PlannerCountries.FromIso(geography.Area(volume.AreaKey)?.NumberCountry ?? ""), Weight: volume.Dials));
        return MostCommon(byDials) ?? PlannerCountry.Us;
    }

    /// <summary>The planner country with the most weight; ties go to us, then ca, then uk.</summary>
    private static PlannerCountry? MostCommon(IEnumerable<(PlannerCountry? Country, long Weight)> weights) =>
        weights.Where(weight => weight.Country is not null && weight.Weight > 0)
            .GroupBy(weight => weight.Country!.Value)
            .Select(group => (Country: group.Key, Weight: group.Sum(weight => weight.Weight)))
            .OrderByDescending(group => group.Weight)
            .ThenBy(group => group.Country)
            .Select(group => (PlannerCountry?)group.Country)
            .FirstOrDefault();

    private static List<Campaign> SelectCampaigns(List<Campaign> all, List<Campaign> dialing, GeneratePlan query)
    {
        var filter = query.Campaigns is { Count: > 0 } ? query.Campaigns : query.CampaignsExclude;
        if (filter is not { Count: > 0 })
        {
            return dialing;
        }

        var field = filter == query.Campaigns ? "campaigns" : "campaignsExclude";
        var byIdentifier = all.ToDictionary(campaign => campaign.InternalIdentifier, StringComparer.Ordinal);
        var unknown = filter.Where(identifier => !byIdentifier.ContainsKey(identifier)).ToList();
        if (unknown.Count > 0)
        {
            throw new BadRequestException($"{field}: {Quoted(unknown)} {(unknown.Count == 1 ? "is not a campaign" : "are not campaigns")} of this company.");
        }

        var inbound = filter.Where(identifier => !byIdentifier[identifier].PlacesDials).ToList();
        if (inbound.Count > 0)
        {
            throw new BadRequestException($"{field}: {Quoted(inbound)} {(inbound.Count == 1 ? "is an inbound campaign" : "are inbound campaigns")}; filters take outbound or autodial campaigns.");
        }

        var named = filter.ToHashSet(StringComparer.Ordinal);
        return field == "campaigns"
            ? [.. dialing.Where(campaign => named.Contains(campaign.InternalIdentifier))]
            : [.. dialing.Where(campaign => !named.Contains(campaign.InternalIdentifier))];
    }

    private static string Quoted(IEnumerable<string> identifiers) => string.Join(", ", identifiers.Select(identifier => $"'{EchoedInput.Shorten(identifier)}'"));

    private (List<RowTotals> Rows, long Unmapped) BuildRows(
        PlannerCountry country, IReadOnlyList<AreaVolume> dials, IReadOnlyList<KeyCount> anis, int bizDays, int target)
    {
        var rows = new Dictionary<PlanRow, RowTotals>();
        long unmapped = 0;

        RowTotals? RowFor(string areaKey)
        {
            var area = geography.Area(areaKey);
            var row = PlanRows.RowOf(area, country);
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
            totals.Complete(bizDays, target);
        }

        var ordered = rows.Values
            .OrderByDescending(totals => totals.Stat.DailyDialsAverage)
            .ThenBy(totals => totals.Stat.Region, StringComparer.Ordinal)
            .ThenBy(totals => totals.Stat.State, StringComparer.Ordinal)
            .ToList();
        return (ordered, unmapped);
    }

    /// <summary>100 × contacts / dials, to one decimal (always printed with it), 0 without dials.</summary>
    private static decimal ContactRate(long contacts, long dials) =>
        (dials == 0 ? 0m : Math.Round(100m * contacts / dials, 1, MidpointRounding.AwayFromZero)) + 0.0m;

    private sealed class RowTotals(PlanRow row)
    {
        public SortedSet<string> AreaCodes { get; } = new(StringComparer.Ordinal);
        public long Dials { get; set; }
        public long Contacts { get; set; }
        public int CurrentAnis { get; set; }
        public RegionStatDto Stat { get; private set; } = null!;

        public void Complete(int bizDays, int target)
        {
            var average = (int)((Dials + bizDays - 1) / bizDays);
            var proposed = Dials == 0 ? 0 : Math.Max((average + target - 1) / target, row.Floor);
            Stat = new RegionStatDto(row.Region, row.State, [.. AreaCodes], average, CurrentAnis, proposed, proposed - CurrentAnis);
        }
    }
}
