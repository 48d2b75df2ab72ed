using System.Globalization;
using AniPlanner.Domain.AniPlanning.Dials;

namespace AniPlanner.Application.AniPlanning.GeneratePlan;

/// <summary>
/// The contract's option values, their defaults, and the date range rules. The validator and
/// <see cref="Parse"/> read the request through the same functions, so what one accepts the other understands.
/// </summary>
public static class PlanOptions
{
    public const string DateFormat = "yyyy-MM-dd";
    public const int MaxRangeDays = 366;

    public static readonly OptionChoices<int> DailyDialsTargets = new("BETTER", new Dictionary<string, int>
    {
        ["BEST"] = 50,
        ["BETTER"] = 75,
        ["GOOD"] = 100,
    });

    public static readonly OptionChoices<DialGrouping> GroupBys = new("area_code", new Dictionary<string, DialGrouping>
    {
        ["area_code"] = DialGrouping.AreaCode,
        ["ani"] = DialGrouping.Ani,
        ["zip"] = DialGrouping.Zip,
    });

    /// <summary>Whether only active, managed ANIs count; "all" counts every ANI not removed.</summary>
    public static readonly OptionChoices<bool> InventoryModes = new("managed", new Dictionary<string, bool>
    {
        ["managed"] = true,
        ["all"] = false,
    });

    /// <summary>Today by the service's clock (UTC): the default range ends the day before.</summary>
    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public static bool TryParseDate(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    /// <summary>Absent (the default applies) or a date in <see cref="DateFormat"/>.</summary>
    public static bool IsDateOrAbsent(string? text) => text is null || TryParseDate(text, out _);

    public static string Format(DateOnly date) => date.ToString(DateFormat, CultureInfo.InvariantCulture);

    /// <summary>
    /// The range after defaults: the 1st of the current month through yesterday, or on the 1st
    /// the whole previous month. Only call with dates that parse (or are absent).
    /// </summary>
    public static (DateOnly Start, DateOnly End) Range(string? dateStart, string? dateEnd, DateOnly today)
    {
        var defaultStart = today.Day == 1 ? today.AddMonths(-1) : new DateOnly(today.Year, today.Month, 1);
        return (DateOr(dateStart, defaultStart), DateOr(dateEnd, today.AddDays(-1)));
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

    private static DateOnly DateOr(string? text, DateOnly absent) =>
        text is null ? absent
        : TryParseDate(text, out var date) ? date
        : throw new InvalidOperationException("A date the validator refuses reached the plan.");

    /// <summary>The request's options as typed values, defaults filled in. Only call with a request the validator accepted.</summary>
    public static PlanRequestOptions Parse(GeneratePlan request, DateOnly today)
    {
        var (start, end) = Range(request.DateStart, request.DateEnd, today);
        return new PlanRequestOptions(
            start,
            end,
            Weekdays(start, end),
            DailyDialsTargets.Parse(request.DailyDialsTarget),
            GroupBys.Parse(request.GroupBy),
            InventoryModes.Parse(request.InventoryMode),
            CampaignFilter.Of(request.Campaigns, request.CampaignsExclude));
    }
}

/// <summary>An option as given (or defaulted): its wire name, which the plan echoes, and what it means.</summary>
public readonly record struct Choice<T>(string Name, T Value);

/// <summary>The values one option takes, by their (case-sensitive) wire names, and the one it takes when left out.</summary>
public sealed class OptionChoices<T>(string defaultName, IReadOnlyDictionary<string, T> byName)
{
    /// <summary>The wire names, in the order they are declared.</summary>
    public IEnumerable<string> Names => byName.Keys;

    /// <summary>The names as a message lists them: <c>"BEST", "BETTER", "GOOD"</c>.</summary>
    public string Allowed => string.Join(", ", byName.Keys.Select(name => $"\"{name}\""));

    /// <summary>False when <paramref name="given"/> names no value; absent means the default.</summary>
    public bool TryParse(string? given, out Choice<T> choice)
    {
        var name = given ?? defaultName;
        var offered = byName.TryGetValue(name, out var value);
        choice = new Choice<T>(name, value!);
        return offered;
    }

    /// <summary>For a validated request, whose options all parse.</summary>
    public Choice<T> Parse(string? given) =>
        TryParse(given, out var choice) ? choice : throw new InvalidOperationException("An option value the validator refuses reached the plan.");
}
