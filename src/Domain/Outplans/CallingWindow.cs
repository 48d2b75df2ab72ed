using AniPlanner.Domain.Common;

namespace AniPlanner.Domain.Outplans;

/// <summary>The days of the week a calling window opens on; stored as one number.</summary>
[Flags]
public enum CallingDays
{
    None = 0,
    Monday = 1,
    Tuesday = 2,
    Wednesday = 4,
    Thursday = 8,
    Friday = 16,
    Saturday = 32,
    Sunday = 64,
    All = Monday | Tuesday | Wednesday | Thursday | Friday | Saturday | Sunday,
}

/// <summary>
/// When an outplan may start a call: on which days, between which times of day, in whose clock,
/// and whether quiet hours (no call before 08:00 or from 21:00 where the callee is) apply on top.
/// A window lies within one day: <see cref="EndMinute"/> is after <see cref="StartMinute"/>, and
/// 1440 (24:00) is the end of the day. Only the start of a call is governed; it may ring past the end.
/// </summary>
public sealed record CallingWindow
{
    /// <summary>The <see cref="TimeZone"/> that means each callee's own local time.</summary>
    public const string CalleeTimeZone = "callee";

    public const int MinutesPerDay = 24 * 60;
    public const int MaxTimeZoneLength = 64;

    /// <summary>The US TCPA's hours, applied to every country unless turned off: 08:00 to 21:00.</summary>
    public const int QuietHoursEndMinute = 8 * 60;
    public const int QuietHoursStartMinute = 21 * 60;

    /// <summary>An outplan that was never given a window: any day and hour, quiet hours on.</summary>
    public static readonly CallingWindow Always = new(CallingDays.All, 0, MinutesPerDay, CalleeTimeZone, quietHours: true);

    public CallingWindow(CallingDays days, int startMinute, int endMinute, string timeZone, bool quietHours)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(timeZone);
        if ((days & CallingDays.All) == CallingDays.None || (days & ~CallingDays.All) != CallingDays.None)
        {
            throw new DomainException("A calling window opens on at least one day of the week.");
        }

        if (startMinute is < 0 or >= MinutesPerDay || endMinute is <= 0 or > MinutesPerDay || endMinute <= startMinute)
        {
            throw new DomainException($"A calling window runs from a start to a later end within one day; got minutes {startMinute}..{endMinute}.");
        }

        if (timeZone == CalleeTimeZone && quietHours && WhollyInQuietHours(startMinute, endMinute))
        {
            throw new DomainException("A calling window in the callee's time that lies wholly inside quiet hours never opens.");
        }

        Days = days;
        StartMinute = startMinute;
        EndMinute = endMinute;
        TimeZone = timeZone;
        QuietHours = quietHours;
    }

    public CallingDays Days { get; }
    public int StartMinute { get; }
    public int EndMinute { get; }
    public string TimeZone { get; }
    public bool QuietHours { get; }

    public bool InCalleeTime => TimeZone == CalleeTimeZone;

    /// <summary>Whether a window from <paramref name="startMinute"/> to <paramref name="endMinute"/> (same clock) misses 08:00-21:00 entirely.</summary>
    public static bool WhollyInQuietHours(int startMinute, int endMinute) => endMinute <= QuietHoursEndMinute || startMinute >= QuietHoursStartMinute;

    public static CallingDays DayOf(DayOfWeek day) => day == DayOfWeek.Sunday ? CallingDays.Sunday : (CallingDays)(1 << ((int)day - 1));
}
