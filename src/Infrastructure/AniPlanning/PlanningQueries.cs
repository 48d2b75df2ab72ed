using AniPlanner.Application.AniPlanning.Common;
using AniPlanner.Domain.AniPlanning.AniInventory;
using AniPlanner.Domain.AniPlanning.Dials;
using AniPlanner.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

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
        // One range scan per part (an OR of the ranges lets SQLite scan them all), summed together.
        IQueryable<DialTotal>? totals = null;
        foreach (var (period, first, last) in DialPeriods.Cover(from, to))
        {
            var part = context.DialTotals.Where(total =>
                total.CustomerId == customerId && total.Grouping == grouping && total.Period == period && total.Start >= first && total.Start <= last);
            totals = totals is null ? part : totals.Concat(part);
        }

        return totals is null ? [] : await totals
            .GroupBy(total => total.AreaKey)
            .Select(area => new AreaVolume(area.Key, area.Sum(total => total.Dials), area.Sum(total => total.Contacts)))
            .ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<KeyCount>> AnisByAreaAsync(Guid customerId, bool managedOnly, CancellationToken cancellationToken)
    {
        var anis = context.Anis.Where(ani => ani.CustomerId == customerId);
        anis = managedOnly
            ? anis.Where(ani => ani.Status == AniStatus.Active && ani.Managed)
            : anis.Where(ani => ani.Status != AniStatus.Removed);
        return await anis.GroupBy(ani => ani.AreaKey).Select(area => new KeyCount(area.Key, area.Count())).ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<KeyCount>> AnisByCountryAsync(Guid customerId, CancellationToken cancellationToken) =>
        await context.Anis
            .Where(ani => ani.CustomerId == customerId && ani.Status != AniStatus.Removed)
            .GroupBy(ani => ani.Country)
            .Select(country => new KeyCount(country.Key, country.Count()))
            .ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<AreaVolume>> AllDialsByAniAreaAsync(Guid customerId, CancellationToken cancellationToken) =>
        await context.DialTotals
            .Where(total => total.CustomerId == customerId && total.Grouping == DialGrouping.Ani && total.Period == DialPeriod.Week)
            .GroupBy(total => total.AreaKey)
            .Select(area => new AreaVolume(area.Key, area.Sum(total => total.Dials), area.Sum(total => total.Contacts)))
            .ToListAsync(cancellationToken);
}
