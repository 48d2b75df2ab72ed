namespace AniPlanner.Application.Outplans.Common;

/// <summary>IANA time zones as this server's time-zone database knows them.</summary>
public static class TimeZoneNames
{
    /// <summary>
    /// The zone named exactly so in the IANA database (<c>America/New_York</c>, <c>UTC</c>); not a
    /// Windows name, which .NET would also accept, as the wire speaks IANA only.
    /// </summary>
    public static TimeZoneInfo? Find(string? name) =>
        !string.IsNullOrWhiteSpace(name) && TimeZoneInfo.TryFindSystemTimeZoneById(name, out var zone) && zone.HasIanaId
            ? zone
            : null;
}
