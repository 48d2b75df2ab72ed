using System.Globalization;

namespace AniPlanner.Application.AniPlanning.AniUsage.GetAniUsage;

/// <summary>
/// The usage rows as CSV, as the dashboard exports a plan (wwwroot/js/regions.js): RFC 4180
/// (quoted where needed, CRLF line ends), a header of the JSON field names, and a text cell that a
/// spreadsheet would run as a formula (=, +, -, @, tab or CR first) prefixed with an apostrophe.
/// Numbers are written as JSON writes them; null is an empty cell.
/// </summary>
public static class AniUsageCsv
{
    public const string ContentType = "text/csv";

    public const string Header =
        "number,country,areaCode,region,state,status,managed,dials,contacts,contactRate,activeDays,dailyDialsAverage,peakDailyDials,daysOverTarget,lastDialed,lastSevenDaysContactRate\r\n";

    public static string Line(AniUsageDto row) => string.Join(',',
        Text(row.Number),
        Text(row.Country),
        Text(row.AreaCode),
        Text(row.Region),
        Text(row.State),
        Text(row.Status),
        row.Managed switch { true => "true", false => "false", null => "" },
        Number(row.Dials),
        Number(row.Contacts),
        Number(row.ContactRate),
        Number(row.ActiveDays),
        Number(row.DailyDialsAverage),
        Number(row.PeakDailyDials),
        Number(row.DaysOverTarget),
        Text(row.LastDialed),
        Number(row.LastSevenDaysContactRate)) + "\r\n";

    /// <summary>A text cell: defused, then quoted if it holds a quote, comma or line break.</summary>
    public static string Text(string? text) => Quote(Defuse(text ?? ""));

    private static string Defuse(string text) => text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;

    private static string Quote(string text) =>
        text.AsSpan().IndexOfAny("\",\r\n") >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Number(decimal? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";
}
