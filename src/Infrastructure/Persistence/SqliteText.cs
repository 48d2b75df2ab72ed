using System.Globalization;
using AniPlanner.Application.Common.Wire;

namespace AniPlanner.Infrastructure.Persistence;

/// <summary>
/// EF Core's text formats for times and days in SQLite, for SQL written by hand, so EF's queries
/// read the values back. Whole seconds (what dialers send) are written digit by digit: the format
/// string was a visible share of staging a row.
/// </summary>
internal static class SqliteText
{
    public const int WholeSecondLength = 19;
    public const int DayLength = 10;

    public static string Time(DateTime utc) => utc.Ticks % TimeSpan.TicksPerSecond != 0
        ? utc.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture)
        : string.Create(WholeSecondLength, utc, static (text, time) => WriteWholeSecond(text, time));

    /// <summary>EF Core stores a Guid in SQLite as upper-case text.</summary>
    public static string Customer(Guid customerId) => customerId.ToString().ToUpperInvariant();

    public static string Day(DateOnly day) => string.Create(DayLength, day, static (text, date) => WriteDay(text, date));

    /// <summary>A time without a fraction of a second, in <see cref="WholeSecondLength"/> characters.</summary>
    public static void WriteWholeSecond(Span<char> text, DateTime utc) => TimeDigits.WriteDateTime(text, utc, ' ');

    public static void WriteDay(Span<char> text, DateOnly day) => TimeDigits.WriteDate(text, day.Year, day.Month, day.Day);
}
