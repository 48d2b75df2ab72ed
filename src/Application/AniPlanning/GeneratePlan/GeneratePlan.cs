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

        var country = await new CompanyCountryResolver(settings, queries, geography).ResolveAsync(query.CustomerId, cancellationToken);
        if (grouping == DialGrouping.Zip && country == PlannerCountry.Uk)
        {
            throw new BadRequestException("groupBy \"zip\" is for US and Canadian companies; this company's country is uk. Use \"area_code\" or \"ani\".");
        }

        var selection = CampaignFilter.Of(query.Campaigns, query.CampaignsExclude)
            .Apply(await campaigns.ListAsync(new CampaignsOfCustomerSpec(query.CustomerId), cancellationToken));

        var dials = await queries.DialsByAreaAsync(query.CustomerId, grouping, start, end, selection.SelectedIds, cancellationToken);
        var anis = await queries.AnisByAreaAsync(query.CustomerId, inventoryMode == "managed", cancellationToken);
        var bizDays = PlanOptions.Weekdays(start, end);
        var figures = PlanCalculator.Calculate(new PlanBasis(country, grouping, bizDays, target), dials, anis, geography.Area);
        var byId = selection.All.ToDictionary(campaign => campaign.Id);

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
            SelectedCampaigns = [.. selection.Selected.Select(campaign => campaign.Number)],
            Campaigns = [.. selection.Dialing.Select(campaign => CampaignDto.From(campaign, byId))],
            UnmappedDials = figures.UnmappedDials,
        };
    }
}
