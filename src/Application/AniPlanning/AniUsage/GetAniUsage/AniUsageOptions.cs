using System.Globalization;
using AniPlanner.Application.AniPlanning.AniInventory.ListAnis;
using AniPlanner.Application.AniPlanning.GeneratePlan;

namespace AniPlanner.Application.AniPlanning.AniUsage.GetAniUsage;

/// <summary>A usage request's options parsed once (by <see cref="AniUsageOptions.Parse"/>), defaults filled in.</summary>
public sealed record AniUsageRequestOptions(DateOnly Start, DateOnly End, int BizDays, Choice<int> DailyDialsTarget)
{
    /// <summary>What the database reads: the range, its last <see cref="AniUsageOptions.RecentDays"/> days, the target.</summary>
    public AniUsageSpan Span => new(Start, End, AniUsageOptions.RecentStart(Start, End), DailyDialsTarget.Value);
}

/// <summary>
/// The usage report's options: the plan's date format, range limits and targets
/// (<see cref="PlanOptions"/>), its own default range (the last 30 days) and whole-number targets.
/// The validator and <see cref="Parse"/> read the request through the same functions.
/// </summary>
public static class AniUsageOptions
{
    /// <summary>The default range: this many days, ending yesterday (UTC).</summary>
    public const int DefaultRangeDays = 30;

    /// <summary>The recent contact rate counts the range's last this many days.</summary>
    public const int RecentDays = 7;

    public const int MinDailyDialsTarget = 1;
    public const int MaxDailyDialsTarget = 10_000;

    /// <summary>The paging of <c>GET /ani-planner/anis</c> (the contract's <c>pageSize</c> parameter has one rule).</summary>
    public const int DefaultPageSize = ListAnisHandler.DefaultPageSize;

    public const int MaxPageSize = ListAnisHandler.MaxPageSize;

    /// <summary>What a message says dailyDialsTarget takes.</summary>
    public static string TargetsAllowed { get; } =
        $"one of {PlanOptions.DailyDialsTargets.Allowed} or a whole number of dials from {MinDailyDialsTarget} to {MaxDailyDialsTarget}";

    /// <summary>
    /// A named target (BEST, BETTER, GOOD; absent means BETTER) or a whole number of dials a day
    /// (digits only) from <see cref="MinDailyDialsTarget"/> to <see cref="MaxDailyDialsTarget"/>.
    /// </summary>
    public static bool TryParseTarget(string? given, out Choice<int> target)
    {
        if (PlanOptions.DailyDialsTargets.TryParse(given, out target))
        {
            return true;
        }

        if (int.TryParse(given, NumberStyles.None, CultureInfo.InvariantCulture, out var dials) && dials is >= MinDailyDialsTarget and <= MaxDailyDialsTarget)
        {
            target = new Choice<int>(given!, dials);
            return true;
        }

        return false;
    }

    /// <summary>
    /// The range after defaults: dateEnd yesterday, dateStart <see cref="DefaultRangeDays"/> − 1
    /// days before dateEnd (the given one or the default). Only call with dates that parse (or are absent).
    /// </summary>
    public static (DateOnly Start, DateOnly End) Range(string? dateStart, string? dateEnd, DateOnly today)
    {
        var end = dateEnd is null ? today.AddDays(-1) : Date(dateEnd);
        return (dateStart is null ? DaysBefore(end, DefaultRangeDays - 1) : Date(dateStart), end);
    }

    /// <summary>The first of the range's last <see cref="RecentDays"/> days (the range's start when it is shorter).</summary>
    public static DateOnly RecentStart(DateOnly start, DateOnly end)
    {
        var recent = DaysBefore(end, RecentDays - 1);
        return recent < start ? start : recent;
    }

    /// <summary>The request's options as typed values, defaults filled in. Only call with a request the validator accepted.</summary>
    public static AniUsageRequestOptions Parse(GetAniUsage request, DateOnly today)
    {
        var (start, end) = Range(request.DateStart, request.DateEnd, today);
        return new AniUsageRequestOptions(
            start,
            end,
            PlanOptions.Weekdays(start, end),
            TryParseTarget(request.DailyDialsTarget, out var target)
                ? target
                : throw new InvalidOperationException("A dailyDialsTarget the validator refuses reached the usage report."));
    }

    /// <summary>By day number: a date near the calendar's first day has no 29 days before it.</summary>
    private static DateOnly DaysBefore(DateOnly day, int days) => DateOnly.FromDayNumber(Math.Max(day.DayNumber - days, DateOnly.MinValue.DayNumber));

    private static DateOnly Date(string text) =>
        PlanOptions.TryParseDate(text, out var date) ? date : throw new InvalidOperationException("A date the validator refuses reached the usage report.");
}
