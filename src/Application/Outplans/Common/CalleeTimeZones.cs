using AniPlanner.Application.Common.Phones;
using PhoneNumbers;

namespace AniPlanner.Application.Outplans.Common;

/// <summary>Where a callee's time zones came from, as the preview reports it.</summary>
public static class TimeZoneSources
{
    /// <summary>libphonenumber's time-zone map for the number.</summary>
    public const string Number = "number";

    /// <summary>The number has no known zone, and the window names one.</summary>
    public const string Outplan = "outplan";

    /// <summary>Neither the number nor the window names a zone.</summary>
    public const string Utc = "utc";
}

/// <summary>
/// The time zones a callee may be in, from the number with libphonenumber's time-zone mapper: one
/// for most numbers, several where a number's area spans zones (a US area code, a mobile range).
/// </summary>
internal static class CalleeTimeZones
{
    private static readonly PhoneNumberToTimeZonesMapper Mapper = PhoneNumberToTimeZonesMapper.GetInstance();

    /// <param name="fallback">The window's own zone, for a number with no known zone; null when the window is in callee time.</param>
    public static (IReadOnlyList<TimeZoneInfo> Zones, string Source) Of(string destination, TimeZoneInfo? fallback)
    {
        if (PhoneNumberRules.TryParseE164(destination, out var number, out _))
        {
            // Zones the server's time-zone database lacks are left out rather than guessed.
            var zones = Mapper.GetTimeZonesForNumber(number)
                .Where(name => name != Mapper.GetUnknownTimeZone())
                .Select(TimeZoneNames.Find)
                .OfType<TimeZoneInfo>()
                .DistinctBy(zone => zone.Id)
                .ToList();
            if (zones.Count > 0)
            {
                return (zones, TimeZoneSources.Number);
            }
        }

        return fallback is null ? ([TimeZoneInfo.Utc], TimeZoneSources.Utc) : ([fallback], TimeZoneSources.Outplan);
    }
}
