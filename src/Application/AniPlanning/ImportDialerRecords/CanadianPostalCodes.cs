using System.Text.RegularExpressions;

namespace AniPlanner.Application.AniPlanning.ImportDialerRecords;

/// <summary>A Canadian postal code ("M5V 2T6") in a dialer's zip field: no ZIP, but not a mistake either.</summary>
internal static partial class CanadianPostalCodes
{
    public static bool IsOne(string? zip) => zip is not null && Shape().IsMatch(zip);

    [GeneratedRegex(@"^\s*[A-Za-z][0-9][A-Za-z] ?[0-9][A-Za-z][0-9]\s*$")]
    private static partial Regex Shape();
}
