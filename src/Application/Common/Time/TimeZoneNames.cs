using System.Text.RegularExpressions;

namespace AniPlanner.Application.Common.Time;

/// <summary>IANA time zones as this server's time-zone database knows them.</summary>
public static partial class TimeZoneNames
{
    /// <summary>
    /// Old names libphonenumber still answers with, and the names the IANA database gives them now.
    /// Newer tzdata packages (Debian 13, Ubuntu 24.04) move the old names to tzdata-legacy, which
    /// a server may lack: the new name is tried first, so a callee in India is never put in UTC.
    /// </summary>
    private static readonly Dictionary<string, string> Renamed = new(StringComparer.Ordinal)
    {
        ["Africa/Asmera"] = "Africa/Asmara",
        ["America/Buenos_Aires"] = "America/Argentina/Buenos_Aires",
        ["America/Godthab"] = "America/Nuuk",
        ["Asia/Calcutta"] = "Asia/Kolkata",
        ["Asia/Choibalsan"] = "Asia/Ulaanbaatar",
        ["Asia/Katmandu"] = "Asia/Kathmandu",
        ["Asia/Rangoon"] = "Asia/Yangon",
        ["Atlantic/Faeroe"] = "Atlantic/Faroe",
        ["Pacific/Enderbury"] = "Pacific/Kanton",
        ["Pacific/Ponape"] = "Pacific/Pohnpei",
        ["Pacific/Truk"] = "Pacific/Chuuk",
    };

    /// <summary>The old names this server maps to new ones; a test holds libphonenumber's answers to them.</summary>
    public static IReadOnlyDictionary<string, string> RenamedZones => Renamed;

    /// <summary>
    /// The zone named so in the IANA database (<c>America/New_York</c>, <c>UTC</c>), under its
    /// current name where it was renamed. Not a Windows name, which .NET would also accept, and not
    /// the database's own files that are no zone (<c>localtime</c>, <c>posixrules</c>, <c>Factory</c>,
    /// <c>posix/…</c>, <c>right/…</c>): the wire speaks IANA zones only.
    /// </summary>
    public static TimeZoneInfo? Find(string? name)
    {
        if (string.IsNullOrWhiteSpace(name) || !ZoneName().IsMatch(name) || name == "Factory")
        {
            return null;
        }

        foreach (var candidate in Renamed.TryGetValue(name, out var current) ? [current, name] : new[] { name })
        {
            if (TimeZoneInfo.TryFindSystemTimeZoneById(candidate, out var zone) && zone.HasIanaId)
            {
                return zone;
            }
        }

        return null;
    }

    [GeneratedRegex("^[A-Z][A-Za-z0-9_+-]*(/[A-Za-z0-9_+-]+){0,2}$")]
    private static partial Regex ZoneName();
}
