using System.Diagnostics;
using AniPlanner.Application.AniPlanning.Common;
using AniPlanner.Application.Common.Persistence;
using AniPlanner.Application.Common.Telemetry;
using AniPlanner.Domain.AniPlanning.Campaigns;
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

/// <summary>Reads what the plan needs, each an aggregation in the database, and leaves the arithmetic to <see cref="PlanCalculator"/>.</summary>
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

        var options = PlanOptions.Parse(query, PlanOptions.Today(clock));
        var country = await new CompanyCountryResolver(settings, queries, geography).ResolveAsync(query.CustomerId, cancellationToken);
        options.EnsureGroupingFits(country);
        var selection = options.Campaigns.Apply(await campaigns.ListAsync(new CampaignsOfCustomerSpec(query.CustomerId), cancellationToken));
        var dials = selection.SelectsEveryDial
            ? await queries.AllCampaignsDialsByAreaAsync(query.CustomerId, options.GroupBy.Value, options.Start, options.End, cancellationToken)
            : await queries.DialsByAreaAsync(query.CustomerId, options.GroupBy.Value, options.Start, options.End, selection.SelectedIds, cancellationToken);
        var anis = await queries.AnisByAreaAsync(query.CustomerId, options.ManagedAnisOnly, cancellationToken);
        var figures = PlanCalculator.Calculate(options.BasisFor(country), dials, anis, geography.Area);
        var plan = PlanDto.From(options, country, figures, selection);

        AniPlannerTelemetry.PlansGenerated.Add(1);
        AniPlannerTelemetry.PlanDuration.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return plan;
    }
}
