using AniPlanner.Application.AniPlanning.Campaigns.Common;
using AniPlanner.Application.AniPlanning.Common;
using AniPlanner.Application.AniPlanning.Settings;
using AniPlanner.Application.Common.Exceptions;
using System.Diagnostics;
using AniPlanner.Application.Common.Persistence;
using AniPlanner.Application.Common.Telemetry;
using AniPlanner.Domain.AniPlanning.Campaigns;
using AniPlanner.Domain.AniPlanning.Dials;
using AniPlanner.Domain.AniPlanning.Regions;
using AniPlanner.Domain.AniPlanning.Settings;
using Mediator;
using AniPlanner.Application.Common.Text;

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
        var figures = PlanCalculator.Calculate(new PlanBasis(country, grouping, bizDays, target), dials, anis, geography.Area);
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
            RegionStats = figures.RegionStats,
            TotalDials = figures.TotalDials,
            TotalContacts = figures.TotalContacts,
            OverallContactRate = figures.OverallContactRate,
            TotalCurrentAnis = figures.TotalCurrentAnis,
            TotalProposedAnis = figures.TotalProposedAnis,
            AniDifference = figures.AniDifference,
            MissingZipData = figures.MissingZipData,
            TollFreeRecommendation = figures.TollFreeRecommendation,
            SelectedCampaigns = [.. selected.Select(campaign => campaign.Number)],
            Campaigns = [.. dialing.Select(campaign => CampaignDto.From(campaign, byId))],
            UnmappedDials = figures.UnmappedDials,
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
}
