using System.Runtime.CompilerServices;
using AniPlanner.Application.AniPlanning.Common;
using AniPlanner.Domain.AniPlanning.AniInventory;
using AniPlanner.Domain.AniPlanning.Dials;
using AniPlanner.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace AniPlanner.Infrastructure.AniPlanning;

/// <summary>The plan's reads: every sum and count is a GROUP BY in the database.</summary>
public sealed class PlanningQueries(AniPlannerDbContext context) : IPlanningQueries
{
    public async Task<IReadOnlyList<AreaVolume>> DialsByAreaAsync(
        Guid customerId, DialGrouping grouping, DateOnly from, DateOnly to, IReadOnlyCollection<long> campaignIds, CancellationToken cancellationToken)
    {
        if (campaignIds.Count == 0)
        {
            return [];
        }

        var ids = campaignIds.ToList();
        return await context.DialRollups
            .Where(rollup => rollup.CustomerId == customerId && rollup.Grouping == grouping && rollup.Day >= from && rollup.Day <= to && ids.Contains(rollup.CampaignId))
            .GroupBy(rollup => rollup.AreaKey)
            .Select(area => new AreaVolume(area.Key, area.Sum(rollup => rollup.Dials), area.Sum(rollup => rollup.Contacts)))
            .ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<AreaVolume>> AllCampaignsDialsByAreaAsync(
        Guid customerId, DialGrouping grouping, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        // The days before the whole weeks, the weeks, the days after; a part the range lacks reads nothing.
        var nothing = (First: DateOnly.MaxValue, Last: DateOnly.MinValue);
        var (before, weeks, after) = (nothing, nothing, nothing);
        foreach (var (period, first, last) in DialPeriods.Cover(from, to))
        {
            if (period == DialPeriod.Week)
            {
                weeks = (first, last);
            }
            else if (weeks == nothing)
            {
                before = (first, last);
            }
            else
            {
                after = (first, last);
            }
        }

        return await Compiled.Of(context).AllCampaignsDialsByArea(
            context, customerId, grouping, before.First, before.Last, weeks.First, weeks.Last, after.First, after.Last).ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<KeyCount>> AnisByAreaAsync(Guid customerId, bool managedOnly, CancellationToken cancellationToken) =>
        await (managedOnly
            ? Compiled.Of(context).ManagedAnisByArea(context, customerId)
            : Compiled.Of(context).AnisByArea(context, customerId)).ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<KeyCount>> AnisByCountryAsync(Guid customerId, CancellationToken cancellationToken) =>
        await Compiled.Of(context).AnisByCountry(context, customerId).ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<AreaVolume>> AllDialsByAniAreaAsync(Guid customerId, CancellationToken cancellationToken) =>
        await context.DialTotals
            .Where(total => total.CustomerId == customerId && total.Grouping == DialGrouping.Ani && total.Period == DialPeriod.Week)
            .GroupBy(total => total.AreaKey)
            .Select(area => new AreaVolume(area.Key, area.Sum(total => total.Dials), area.Sum(total => total.Contacts)))
            .ToListAsync(cancellationToken);

    /// <summary>
    /// The reads every plan makes, as EF compiled queries: translated once rather than having
    /// their expression trees walked and hashed on every plan. One set per model, as in
    /// <see cref="ReadOfOneResource{T}"/> (a compiled query belongs to the model it first ran on).
    /// </summary>
    private sealed class Compiled
    {
        private static readonly ConditionalWeakTable<IModel, Compiled> ByModel = [];

        public static Compiled Of(DbContext context) => ByModel.GetValue(context.Model, static _ => new Compiled());

        public Func<AniPlannerDbContext, Guid, DialGrouping, DateOnly, DateOnly, DateOnly, DateOnly, DateOnly, DateOnly, IAsyncEnumerable<AreaVolume>>
            AllCampaignsDialsByArea { get; } = EF.CompileAsyncQuery(
                (AniPlannerDbContext context, Guid customerId, DialGrouping grouping,
                 DateOnly daysFrom, DateOnly daysTo, DateOnly weeksFrom, DateOnly weeksTo, DateOnly laterFrom, DateOnly laterTo) =>
                    context.DialTotals
                        .Where(total => total.CustomerId == customerId && total.Grouping == grouping && total.Period == DialPeriod.Day
                            && total.Start >= daysFrom && total.Start <= daysTo)
                        .Concat(context.DialTotals.Where(total => total.CustomerId == customerId && total.Grouping == grouping
                            && total.Period == DialPeriod.Week && total.Start >= weeksFrom && total.Start <= weeksTo))
                        .Concat(context.DialTotals.Where(total => total.CustomerId == customerId && total.Grouping == grouping
                            && total.Period == DialPeriod.Day && total.Start >= laterFrom && total.Start <= laterTo))
                        .GroupBy(total => total.AreaKey)
                        .Select(area => new AreaVolume(area.Key, area.Sum(total => total.Dials), area.Sum(total => total.Contacts))));

        public Func<AniPlannerDbContext, Guid, IAsyncEnumerable<KeyCount>> ManagedAnisByArea { get; } = EF.CompileAsyncQuery(
            (AniPlannerDbContext context, Guid customerId) => context.Anis
                .Where(ani => ani.CustomerId == customerId && ani.Status == AniStatus.Active && ani.Managed)
                .GroupBy(ani => ani.AreaKey)
                .Select(area => new KeyCount(area.Key, area.Count())));

        public Func<AniPlannerDbContext, Guid, IAsyncEnumerable<KeyCount>> AnisByArea { get; } = EF.CompileAsyncQuery(
            (AniPlannerDbContext context, Guid customerId) => context.Anis
                .Where(ani => ani.CustomerId == customerId && ani.Status != AniStatus.Removed)
                .GroupBy(ani => ani.AreaKey)
                .Select(area => new KeyCount(area.Key, area.Count())));

        public Func<AniPlannerDbContext, Guid, IAsyncEnumerable<KeyCount>> AnisByCountry { get; } = EF.CompileAsyncQuery(
            (AniPlannerDbContext context, Guid customerId) => context.Anis
                .Where(ani => ani.CustomerId == customerId && ani.Status != AniStatus.Removed)
                .GroupBy(ani => ani.Country)
                .Select(country => new KeyCount(country.Key, country.Count())));
    }
}
