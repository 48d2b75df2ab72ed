namespace AniPlanner.Domain.Common;

/// <summary>
/// Wall-clock helpers shared by every aggregate. Times are UTC and kept to whole microseconds,
/// because that is all the wire format (six fractional digits) can carry: a stored value must
/// survive a round trip through a page token unchanged.
/// </summary>
public static class Timestamps
{
    public static DateTime Now(TimeProvider clock) => TruncateToMicroseconds(clock.GetUtcNow().UtcDateTime);

    public static DateTime TruncateToMicroseconds(DateTime value)
    {
        var utc = value.Kind == DateTimeKind.Utc ? value : DateTime.SpecifyKind(value, DateTimeKind.Utc);
        return new DateTime(utc.Ticks - (utc.Ticks % 10), DateTimeKind.Utc);
    }
}
