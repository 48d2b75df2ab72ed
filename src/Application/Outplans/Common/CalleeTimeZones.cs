using AniPlanner.Application.Common.Phones;
using AniPlanner.Application.Common.Time;
using PhoneNumbers;

namespace AniPlanner.Application.Outplans.Common;

/// <summary>Where a callee's time zones came from, as the preview reports it.</summary>
public static class TimeZoneSources
{
    /// <summary>libphonenumber's time-zone map for the number.</summary>
    public const string Number = "number";

    /// <summary>
    /// The number says only its country (a toll-free or non-geographic number, a mobile range
    /// libphonenumber does not place), and the country spans these zones.
    /// </summary>
    public const string Country = "country";

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
            var names = Mapper.GetTimeZonesForNumber(number);
            var zones = names
                .Where(name => name != Mapper.GetUnknownTimeZone())
                .Select(TimeZoneNames.Find)
                .OfType<TimeZoneInfo>()
                .DistinctBy(zone => zone.Id)
                .ToList();
            if (zones.Count > 0)
            {
                return (zones, zones.Count > 1 && IsCountryWide(names, number.CountryCode) ? TimeZoneSources.Country : TimeZoneSources.Number);
            }
        }

        return fallback is null ? ([TimeZoneInfo.Utc], TimeZoneSources.Utc) : ([fallback], TimeZoneSources.Outplan);
    }

    /// <summary>Whether libphonenumber's zones for a number are its country's (the map's entry for the country code alone).</summary>
    private static bool IsCountryWide(IEnumerable<string> names, int countryCode)
    {
        var countryOnly = new PhoneNumber.Builder().SetCountryCode(countryCode).SetNationalNumber(0).Build();
        return names.SequenceEqual(Mapper.GetTimeZonesForGeographicalNumber(countryOnly));
    }
}
