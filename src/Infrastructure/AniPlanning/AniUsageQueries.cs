using AniPlanner.Application.AniPlanning.AniUsage;
using AniPlanner.Domain.AniPlanning.AniInventory;
using AniPlanner.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AniPlanner.Infrastructure.AniPlanning;

/// <summary>
/// The usage reads: one GROUP BY over the range's rollup rows and a zero row per inventory ANI
/// (UNION ALL), so numbers without dials are in the same ordered, paged set; the inventory's
/// fields come from a left join on the page's rows only. Never reads the dials.
/// </summary>
/// <remarks>
/// Most of the time is the grouping of the range's rows (on SQLite a sort: the rollup's rows are in
/// day order). Splitting the read in two (the order's keys for every number, the other figures for
/// the page's only) saved a sixth on SQLite but made PostgreSQL's generic plan of the second read
/// scan the range once per page number (<c>= ANY(@numbers)</c> as an index condition): one read.
/// </remarks>
public sealed class AniUsageQueries(AniPlannerDbContext context) : IAniUsageQueries
{
    public async Task<IReadOnlyList<AniUsageRow>> PageAsync(Guid customerId, AniUsageSpan span, int skip, int? take, CancellationToken cancellationToken)
    {
        var (recentStart, target) = (span.RecentStart, (long)span.DailyDialsTarget);
        var ordered = Cells(customerId, span.Start, span.End)
            .GroupBy(cell => cell.Number)
            .Select(ani => new
            {
                Number = ani.Key,
                Dials = ani.Sum(cell => cell.Dials),
                Contacts = ani.Sum(cell => cell.Contacts),
                ActiveDays = ani.Count(cell => cell.Dials > 0),
                PeakDailyDials = ani.Max(cell => cell.Dials),
                DaysOverTarget = ani.Count(cell => cell.Dials > target),
                LastDialed = ani.Max(cell => cell.Dials > 0 ? cell.Day : null),
                RecentDials = ani.Sum(cell => cell.Day >= recentStart ? cell.Dials : 0L),
                RecentContacts = ani.Sum(cell => cell.Day >= recentStart ? cell.Contacts : 0L),
            })
            .OrderByDescending(ani => ani.PeakDailyDials)
            .ThenByDescending(ani => ani.Dials)
            .ThenBy(ani => ani.Number)
            .Skip(skip);

        // The inventory is joined after the page is cut: looked up for its rows only.
        var rows = from usage in take is { } count ? ordered.Take(count) : ordered
                   join ani in context.Anis.Where(ani => ani.CustomerId == customerId) on usage.Number equals ani.Number into inventory
                   from ani in inventory.DefaultIfEmpty()
                   orderby usage.PeakDailyDials descending, usage.Dials descending, usage.Number
                   select new AniUsageRow(
                       usage.Number,
                       ani == null ? null : (AniStatus?)ani.Status,
                       ani == null ? null : (bool?)ani.Managed,
                       ani == null ? null : ani.AreaKey,
                       ani == null ? null : ani.Country,
                       usage.Dials,
                       usage.Contacts,
                       usage.ActiveDays,
                       usage.PeakDailyDials,
                       usage.DaysOverTarget,
                       usage.LastDialed,
                       usage.RecentDials,
                       usage.RecentContacts);
        return await rows.ToListAsync(cancellationToken);
    }

    public Task<int> CountAsync(Guid customerId, DateOnly start, DateOnly end, CancellationToken cancellationToken) =>
        Cells(customerId, start, end).Select(cell => cell.Number).Distinct().CountAsync(cancellationToken);

    /// <summary>The range's rollup rows, and a row of no dials (and no day) per inventory ANI, removed ones too.</summary>
    private IQueryable<Cell> Cells(Guid customerId, DateOnly start, DateOnly end) =>
        context.AniDayRollups
            .Where(rollup => rollup.CustomerId == customerId && rollup.Day >= start && rollup.Day <= end)
            .Select(rollup => new Cell { Number = rollup.AniNumber, Day = rollup.Day, Dials = rollup.Dials, Contacts = rollup.Contacts })
            .Concat(context.Anis
                .Where(ani => ani.CustomerId == customerId)
                .Select(ani => new Cell { Number = ani.Number, Day = null, Dials = 0L, Contacts = 0L }));

    private sealed class Cell
    {
        public string Number { get; init; } = "";
        public DateOnly? Day { get; init; }
        public long Dials { get; init; }
        public long Contacts { get; init; }
    }
}
