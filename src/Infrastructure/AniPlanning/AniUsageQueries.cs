using AniPlanner.Application.AniPlanning.AniUsage;
using AniPlanner.Domain.AniPlanning.AniInventory;
using AniPlanner.Domain.AniPlanning.Dials;
using AniPlanner.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AniPlanner.Infrastructure.AniPlanning;

/// <summary>
/// The usage reads, in two: every number in its order (one GROUP BY over the range's blocks and
/// end days, <see cref="AniSpanRollup.Cover"/>: about 7 rows per ANI over 30 days, and a zero row
/// per inventory ANI), which is also the count; then the page's figures from its numbers' own days
/// (an index by ANI) and their inventory fields. Never reads the dials.
/// </summary>
/// <remarks>
/// Grouping a row per ANI per day was most of the time (150,000 rows for 5,000 ANIs over 30 days:
/// on SQLite a sort and nine aggregates over each row, about 60 ms). The order needs only each
/// ANI's busiest day and its dials, which the blocks keep; the rest is needed for a page only.
/// The two reads are not one snapshot: an import committed between them can leave a page's
/// figures a little ahead of the order it was cut by.
/// </remarks>
public sealed class AniUsageQueries(AniPlannerDbContext context) : IAniUsageQueries
{
    public async Task<AniUsageRows> PageAsync(Guid customerId, AniUsageSpan span, int skip, int? take, CancellationToken cancellationToken)
    {
        var ranked = await Ranked(customerId, span.Start, span.End).ToListAsync(cancellationToken);
        var page = take is { } count ? ranked.Skip(skip).Take(count).ToList() : ranked;
        if (page.Count == 0)
        {
            return new AniUsageRows([], ranked.Count);
        }

        // Every number at once (the CSV) reads the range without naming them: a list of thousands
        // of numbers would pass SQL Server's 2,100 parameters.
        var numbers = ReferenceEquals(page, ranked) ? null : page;
        var figures = await DayFigures(customerId, span, numbers).ToDictionaryAsync(figure => figure.Number, cancellationToken);
        var inventory = await Inventory(customerId, numbers).ToDictionaryAsync(ani => ani.Number, cancellationToken);

        var rows = page.Select(number =>
        {
            var figure = figures.GetValueOrDefault(number) ?? new Figures { Number = number };
            var ani = inventory.GetValueOrDefault(number);
            return new AniUsageRow(
                number,
                ani?.Status,
                ani?.Managed,
                ani?.AreaKey,
                ani?.Country,
                figure.Dials,
                figure.Contacts,
                figure.ActiveDays,
                figure.PeakDailyDials,
                figure.DaysOverTarget,
                figure.LastDialed,
                figure.RecentDials,
                figure.RecentContacts);
        });
        return new AniUsageRows([.. rows], ranked.Count);
    }

    /// <summary>
    /// Every number that dialed from <paramref name="start"/> to <paramref name="end"/> or is in the
    /// inventory (removed ones too), by its busiest day (highest first), then dials, then number.
    /// </summary>
    private IQueryable<string> Ranked(Guid customerId, DateOnly start, DateOnly end)
    {
        var cells = context.Anis
            .Where(ani => ani.CustomerId == customerId)
            .Select(ani => new RankCell { Number = ani.Number, Dials = 0L, PeakDailyDials = 0L });
        foreach (var piece in AniSpanRollup.Cover(start, end))
        {
            var (size, first, last) = (piece.Span, piece.FirstStart, piece.LastStart);
            cells = cells.Concat(size == 1
                ? context.AniDayRollups
                    .Where(day => day.CustomerId == customerId && day.Day >= first && day.Day <= last)
                    .Select(day => new RankCell { Number = day.AniNumber, Dials = day.Dials, PeakDailyDials = day.Dials })
                : context.AniSpanRollups
                    .Where(block => block.CustomerId == customerId && block.Span == size && block.Start >= first && block.Start <= last)
                    .Select(block => new RankCell { Number = block.AniNumber, Dials = block.Dials, PeakDailyDials = block.PeakDailyDials }));
        }

        return cells
            .GroupBy(cell => cell.Number)
            .Select(ani => new { Number = ani.Key, PeakDailyDials = ani.Max(cell => cell.PeakDailyDials), Dials = ani.Sum(cell => cell.Dials) })
            .OrderByDescending(ani => ani.PeakDailyDials)
            .ThenByDescending(ani => ani.Dials)
            .ThenBy(ani => ani.Number)
            .Select(ani => ani.Number);
    }

    /// <summary>The figures of <paramref name="numbers"/> (every number when null) over the span, summed from their days.</summary>
    private IQueryable<Figures> DayFigures(Guid customerId, AniUsageSpan span, List<string>? numbers)
    {
        var (start, end, recentStart, target) = (span.Start, span.End, span.RecentStart, (long)span.DailyDialsTarget);
        var days = (numbers is null ? context.AniDayRollups : DaysByAni())
            .Where(day => day.CustomerId == customerId && day.Day >= start && day.Day <= end);
        if (numbers is not null)
        {
            days = days.Where(day => numbers.Contains(day.AniNumber));
        }

        return days
            .GroupBy(day => day.AniNumber)
            .Select(ani => new Figures
            {
                Number = ani.Key,
                Dials = ani.Sum(day => day.Dials),
                Contacts = ani.Sum(day => day.Contacts),
                ActiveDays = ani.Count(day => day.Dials > 0),
                PeakDailyDials = ani.Max(day => day.Dials),
                DaysOverTarget = ani.Count(day => day.Dials > target),
                LastDialed = ani.Max(day => day.Dials > 0 ? (DateOnly?)day.Day : null),
                RecentDials = ani.Sum(day => day.Day >= recentStart ? day.Dials : 0L),
                RecentContacts = ani.Sum(day => day.Day >= recentStart ? day.Contacts : 0L),
            });
    }

    /// <summary>
    /// The per-day rollup through its index by ANI. SQLite's planner, without statistics, prefers
    /// the primary key's range of days (every ANI's rows, 150,000 for 5,000 ANIs over 30 days) to
    /// seeking a page's numbers (3,000): named, the subquery is flattened and the index used.
    /// PostgreSQL and SQL Server choose by their statistics.
    /// </summary>
    private IQueryable<AniDayRollup> DaysByAni() => context.Database.IsSqlite()
        ? context.AniDayRollups.FromSqlRaw($"""SELECT * FROM "AniDayRollups" INDEXED BY "{AniDayRollupConfiguration.ByAniIndex}" """)
        : context.AniDayRollups;

    private IQueryable<Ani> Inventory(Guid customerId, List<string>? numbers)
    {
        var anis = context.Anis.AsNoTracking().Where(ani => ani.CustomerId == customerId);
        return numbers is null ? anis : anis.Where(ani => numbers.Contains(ani.Number));
    }

    private sealed class RankCell
    {
        public string Number { get; init; } = "";
        public long Dials { get; init; }
        public long PeakDailyDials { get; init; }
    }

    private sealed class Figures
    {
        public string Number { get; init; } = "";
        public long Dials { get; init; }
        public long Contacts { get; init; }
        public int ActiveDays { get; init; }
        public long PeakDailyDials { get; init; }
        public int DaysOverTarget { get; init; }
        public DateOnly? LastDialed { get; init; }
        public long RecentDials { get; init; }
        public long RecentContacts { get; init; }
    }
}
