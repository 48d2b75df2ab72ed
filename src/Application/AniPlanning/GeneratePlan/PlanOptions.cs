using System.Globalization;
using AniPlanner.Domain.AniPlanning.Dials;

namespace AniPlanner.Application.AniPlanning.GeneratePlan;

/// <summary>The contract's option values, their defaults, and the date range rules.</summary>
public static class PlanOptions
{
    public const string DateFormat = "yyyy-MM-dd";
    public const int MaxRangeDays = 366;

    public static readonly IReadOnlyDictionary<string, int> DailyDialsTargets = new Dictionary<string, int>
    {
        ["BEST"] = 50,
        ["BETTER"] = 75,
        ["GOOD"] = 100,
    };

    public static readonly IReadOnlyDictionary<string, DialGrouping> GroupBys = new Dictionary<string, DialGrouping>
    {
        ["area_code"] = DialGrouping.AreaCode,
        ["ani"] = DialGrouping.Ani,
        ["zip"] = DialGrouping.Zip,
    };

    public static readonly IReadOnlyList<string> InventoryModes = ["managed", "all"];

    public const string DefaultDailyDialsTarget = "BETTER";
    public const string DefaultGroupBy = "area_code";
    public const string DefaultInventoryMode = "managed";

    public static string Allowed(IEnumerable<string> values) => string.Join(", ", values.Select(value => $"\"{value}\""));

    public static bool TryParseDate(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    /// <summary>
    /// The range after defaults: the 1st of the current month through yesterday, or on the 1st
    /// the whole previous month. Only call with dates that parse (or are absent).
    /// </summary>
    public static (DateOnly Start, DateOnly End) Range(string? dateStart, string? dateEnd, DateOnly today)
    {
        var defaultStart = today.Day == 1 ? today.AddMonths(-1) : new DateOnly(today.Year, today.Month, 1);
        var start = TryParseDate(dateStart, out var givenStart) ? givenStart : defaultStart;
        var end = TryParseDate(dateEnd, out var givenEnd) ? givenEnd : today.AddDays(-1);
        return (start, end);
    }

    public static int Weekdays(DateOnly start, DateOnly end)
    {
        // By day number: stepping a DateOnly past 9999-12-31 would throw.
        var weekdays = 0;
        for (var dayNumber = start.DayNumber; dayNumber <= end.DayNumber; dayNumber++)
        {
            weekdays += DateOnly.FromDayNumber(dayNumber).DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? 0 : 1;
        }

        return weekdays;
    }
}
