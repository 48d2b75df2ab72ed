namespace AniPlanner.Domain.AniPlanning.Dials;

/// <summary>
/// One dial as the dialer reported it, kept as the source of truth for the rollups (and for
/// rebuilding them when reference data changes). Plans never read these.
/// </summary>
public sealed class Dial
{
    private Dial()
    {
    }

    public Guid CustomerId { get; private set; }

    /// <summary>The dialer's id of the call; a re-sent call id is a duplicate, never counted twice.</summary>
    public string CallId { get; private set; } = "";

    public long CampaignId { get; private set; }
    public DateTime DialedAtUtc { get; private set; }

    /// <summary>The calendar date of the dial in the offset the dialer gave.</summary>
    public DateOnly Day { get; private set; }

    public string ProspectNumber { get; private set; } = "";
    public string AniNumber { get; private set; } = "";
    public string ProspectZip { get; private set; } = "";
    public bool Contacted { get; private set; }

    /// <summary>
    /// The disposition the dialer reported, when it reported one instead of a contacted flag:
    /// <see cref="Contacted"/> follows its contact flag, and is counted again when that changes.
    /// </summary>
    public long? DispositionId { get; private set; }

    /// <summary>The area keys the dial was counted under (only on dials with a disposition: what a re-count needs).</summary>
    public string? ProspectAreaKey { get; private set; }

    /// <inheritdoc cref="ProspectAreaKey"/>
    public string? AniAreaKey { get; private set; }
}

/// <summary>What a plan can be grouped by; each has its own rollup.</summary>
public enum DialGrouping
{
    /// <summary>The prospect number's area code.</summary>
    AreaCode = 0,

    /// <summary>The area code of the ANI that placed the call.</summary>
    Ani = 1,

    /// <summary>The area code of the prospect's ZIP.</summary>
    Zip = 2,
}

/// <summary>
/// Dials and contacts per (customer, grouping, day, campaign, area key), kept up to date as
/// dials arrive, so a plan reads days × areas rows, never the dials themselves.
/// </summary>
public sealed class DialRollup
{
    private DialRollup()
    {
    }

    public Guid CustomerId { get; private set; }
    public DialGrouping Grouping { get; private set; }
    public DateOnly Day { get; private set; }
    public long CampaignId { get; private set; }

    /// <summary>"nanp:213", "uk:7", ... or empty for dials that fit no area.</summary>
    public string AreaKey { get; private set; } = "";

    public long Dials { get; private set; }
    public long Contacts { get; private set; }
}

/// <summary>
/// Dials and contacts per (customer, day, ANI), kept up to date as dials arrive like the other
/// rollups: the health of each caller-ID number is read from ANIs × days rows, never from dials.
/// </summary>
public sealed class AniDayRollup
{
    private AniDayRollup()
    {
    }

    public Guid CustomerId { get; private set; }
    public DateOnly Day { get; private set; }

    /// <summary>The ANI that placed the calls, E.164 as stored on the dials.</summary>
    public string AniNumber { get; private set; } = "";

    public long Dials { get; private set; }
    public long Contacts { get; private set; }
}

/// <summary>
/// The dials of one ANI over a block of <see cref="Span"/> days and its busiest day among them,
/// kept with <see cref="AniDayRollup"/> as dials arrive. Blocks are aligned on the day number
/// (<see cref="DateOnly.DayNumber"/> of <see cref="Start"/> is a multiple of the span), so any range
/// is a few blocks of each size and a few days at its ends (<see cref="Cover"/>): the usage read
/// orders every ANI by its busiest day from about 7 rows per ANI over 30 days instead of 30.
/// Contacts are not kept here: they are read by the day for a page's numbers only, so a
/// disposition's re-count never has to touch these rows.
/// </summary>
public sealed class AniSpanRollup
{
    /// <summary>The block sizes, each a multiple of the one before (a block of 16 is four of 4).</summary>
    public static readonly IReadOnlyList<int> Spans = [4, 16, 64];

    private AniSpanRollup()
    {
    }

    public Guid CustomerId { get; private set; }

    /// <summary>The days the block counts: one of <see cref="Spans"/>.</summary>
    public int Span { get; private set; }

    public DateOnly Start { get; private set; }
    public string AniNumber { get; private set; } = "";
    public long Dials { get; private set; }

    /// <summary>The most dials on one day of the block.</summary>
    public long PeakDailyDials { get; private set; }

    /// <summary>The first day of the block of <paramref name="span"/> days that holds <paramref name="day"/>.</summary>
    public static DateOnly StartOf(DateOnly day, int span) => DateOnly.FromDayNumber(day.DayNumber - day.DayNumber % span);

    /// <summary>
    /// <paramref name="start"/>..<paramref name="end"/> as the fewest whole blocks, largest first,
    /// and days (span 1) where no block fits: each day of the range in exactly one piece.
    /// </summary>
    public static IReadOnlyList<SpanRange> Cover(DateOnly start, DateOnly end)
    {
        var pieces = new List<SpanRange>();
        CoverInto(pieces, start.DayNumber, end.DayNumber, Spans.Count - 1);
        return pieces;
    }

    private static void CoverInto(List<SpanRange> pieces, int first, int last, int level)
    {
        if (first > last)
        {
            return;
        }

        if (level < 0)
        {
            pieces.Add(new SpanRange(1, DateOnly.FromDayNumber(first), DateOnly.FromDayNumber(last)));
            return;
        }

        var span = Spans[level];
        var firstBlock = (first + span - 1) / span * span;
        var lastBlock = ((last + 1) / span * span) - span;
        if (firstBlock > lastBlock)
        {
            CoverInto(pieces, first, last, level - 1);
            return;
        }

        CoverInto(pieces, first, firstBlock - 1, level - 1);
        pieces.Add(new SpanRange(span, DateOnly.FromDayNumber(firstBlock), DateOnly.FromDayNumber(lastBlock)));
        CoverInto(pieces, lastBlock + span, last, level - 1);
    }
}

/// <summary>
/// The blocks of <see cref="Span"/> days starting from <see cref="FirstStart"/> to
/// <see cref="LastStart"/>; a span of 1 is the days themselves.
/// </summary>
public readonly record struct SpanRange(int Span, DateOnly FirstStart, DateOnly LastStart);

/// <summary>The span of days one <see cref="DialTotal"/> row counts.</summary>
public enum DialPeriod
{
    Day = 0,

    /// <summary>Monday to Sunday (ISO weeks), the row's start being the Monday.</summary>
    Week = 1,
}

/// <summary>
/// Dials and contacts of every campaign together per (customer, grouping, period, start, area
/// key), kept up to date with <see cref="DialRollup"/>. A plan of all the company's campaigns (the
/// default) reads its whole weeks a row per area each and only the days at either end by the day:
/// a 30-day plan reads at most 12 rows per area (6 days, 3 weeks, 3 days), where the rollup by
/// campaign reads 30 per campaign.
/// </summary>
public sealed class DialTotal
{
    private DialTotal()
    {
    }

    public Guid CustomerId { get; private set; }
    public DialGrouping Grouping { get; private set; }
    public DialPeriod Period { get; private set; }

    /// <summary>The day, or the Monday of the week.</summary>
    public DateOnly Start { get; private set; }

    /// <summary>As in <see cref="DialRollup.AreaKey"/>.</summary>
    public string AreaKey { get; private set; } = "";

    public long Dials { get; private set; }
    public long Contacts { get; private set; }
}

/// <summary>How a range of days splits into <see cref="DialTotal"/> rows.</summary>
public static class DialPeriods
{
    /// <summary>The Monday of <paramref name="day"/>'s week.</summary>
    public static DateOnly WeekStart(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));

    /// <summary>
    /// The fewest rows that count <paramref name="from"/>..<paramref name="to"/> exactly: the whole
    /// weeks inside it by the week, the days before and after them by the day. Each part is a
    /// period and the first and last start it reads.
    /// </summary>
    public static IReadOnlyList<(DialPeriod Period, DateOnly First, DateOnly Last)> Cover(DateOnly from, DateOnly to)
    {
        if (to < from)
        {
            return [];
        }

        // Day numbers, not dates: the week after the calendar's last day does not exist.
        var firstWeekNumber = WeekStart(from).DayNumber + (from.DayOfWeek == DayOfWeek.Monday ? 0 : 7);
        var lastWeekNumber = WeekStart(to).DayNumber - (to.DayOfWeek == DayOfWeek.Sunday ? 0 : 7);
        if (lastWeekNumber < firstWeekNumber)
        {
            return [(DialPeriod.Day, from, to)];
        }

        var (firstWeek, lastWeek) = (DateOnly.FromDayNumber(firstWeekNumber), DateOnly.FromDayNumber(lastWeekNumber));
        var parts = new List<(DialPeriod, DateOnly, DateOnly)>(3);
        if (from < firstWeek)
        {
            parts.Add((DialPeriod.Day, from, firstWeek.AddDays(-1)));
        }

        parts.Add((DialPeriod.Week, firstWeek, lastWeek));
        if (lastWeek.AddDays(6) < to)
        {
            parts.Add((DialPeriod.Day, lastWeek.AddDays(7), to));
        }

        return parts;
    }
}
