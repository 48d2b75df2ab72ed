using AniPlanner.Application.Outplans.Common;
using AniPlanner.Domain.Common;
using AniPlanner.Domain.Outplans;

namespace AniPlanner.UnitTests.Domain;

/// <summary>
/// Timelines computed by hand: each attempt rings for dial_timeout, the next is due try_interval
/// after that, and a closed window moves it to its next opening on the callee's clock.
/// </summary>
public sealed class DialScheduleTests
{
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
    private static readonly TimeZoneInfo Boise = TimeZoneInfo.FindSystemTimeZoneById("America/Boise");
    private static readonly TimeZoneInfo LosAngeles = TimeZoneInfo.FindSystemTimeZoneById("America/Los_Angeles");
    private static readonly TimeZoneInfo Honolulu = TimeZoneInfo.FindSystemTimeZoneById("Pacific/Honolulu");

    private const CallingDays Weekdays = CallingDays.Monday | CallingDays.Tuesday | CallingDays.Wednesday | CallingDays.Thursday | CallingDays.Friday;

    private static DialInfo Strategy(long dialTimeout, long tryInterval, params int[] tries) =>
        new(Address.Empty, dialTimeout, tryInterval, [.. tries, .. Enumerable.Repeat(0, DialLimits.DestinationCount - tries.Length)]);

    private static CallingWindow Window(CallingDays days, string start, string end, string zone = CallingWindow.CalleeTimeZone, bool quietHours = true) =>
        new(days, CallingWindowWire.MinuteOf(start)!.Value, CallingWindowWire.MinuteOf(end)!.Value, zone, quietHours);

    private static DateTime Utc(string text) => DateTime.SpecifyKind(DateTime.Parse(text, System.Globalization.CultureInfo.InvariantCulture), DateTimeKind.Utc);

    private static ScheduledDestination At(int index, string number, params TimeZoneInfo[] zones) => new(index, number, zones);

    /// <summary>(destination index, try number, due, dial) per attempt; ring_until is checked against dial + timeout.</summary>
    private static void AssertTimeline(IReadOnlyList<ScheduledAttempt> attempts, long dialTimeout, params (int Index, int Try, string Due, string Dial)[] expected)
    {
        Assert.That(attempts.Select(attempt => (attempt.DestinationIndex, attempt.TryNumber, attempt.DueAt, attempt.DialAt)),
            Is.EqualTo(expected.Select(row => (row.Index, row.Try, Utc(row.Due), Utc(row.Dial)))));
        Assert.That(attempts.Select(attempt => attempt.RingUntil - attempt.DialAt), Is.All.EqualTo(TimeSpan.FromMilliseconds(dialTimeout)));
        Assert.That(attempts.Select(attempt => attempt.MovedByWindow), Is.EqualTo(expected.Select(row => row.Due != row.Dial)));
    }

    [Test]
    public void The_seeds_emergency_strategy_dials_ten_times_ten_minutes_after_each_ring_ends()
    {
        // 45 s rings, 10 min apart, 5 tries each of two New York numbers; 09:00 EST on a Wednesday.
        var attempts = DialSchedule.Plan(Strategy(45_000, 600_000, 5, 5), CallingWindow.Always, null,
            [At(0, "+12125550100", NewYork), At(1, "+12125550101", NewYork)], Utc("2026-11-25 14:00:00"));

        AssertTimeline(attempts, 45_000,
            (0, 1, "2026-11-25 14:00:00", "2026-11-25 14:00:00"),
            (0, 2, "2026-11-25 14:10:45", "2026-11-25 14:10:45"),
            (0, 3, "2026-11-25 14:21:30", "2026-11-25 14:21:30"),
            (0, 4, "2026-11-25 14:32:15", "2026-11-25 14:32:15"),
            (0, 5, "2026-11-25 14:43:00", "2026-11-25 14:43:00"),
            (1, 1, "2026-11-25 14:53:45", "2026-11-25 14:53:45"),
            (1, 2, "2026-11-25 15:04:30", "2026-11-25 15:04:30"),
            (1, 3, "2026-11-25 15:15:15", "2026-11-25 15:15:15"),
            (1, 4, "2026-11-25 15:26:00", "2026-11-25 15:26:00"),
            (1, 5, "2026-11-25 15:36:45", "2026-11-25 15:36:45"));
    }

    [Test]
    public void The_seeds_sales_strategy_waits_for_monday_in_new_york_and_then_for_the_morning_in_london()
    {
        // Friday 15:00 EST. Weekdays 09:00-18:00 in each callee's time.
        var attempts = DialSchedule.Plan(Strategy(30_000, 7_200_000, 3, 2), Window(Weekdays, "09:00", "18:00"), null,
            [At(0, "+12125550100", NewYork), At(1, "+442079460000", London)], Utc("2026-11-27 20:00:00"));

        AssertTimeline(attempts, 30_000,
            (0, 1, "2026-11-27 20:00:00", "2026-11-27 20:00:00"),   // Fri 15:00 New York
            (0, 2, "2026-11-27 22:00:30", "2026-11-27 22:00:30"),   // Fri 17:00:30
            (0, 3, "2026-11-28 00:01:00", "2026-11-30 14:00:00"),   // Fri 19:01 is closed: Mon 09:00 EST
            (1, 1, "2026-11-30 16:00:30", "2026-11-30 16:00:30"),   // Mon 16:00:30 London (GMT)
            (1, 2, "2026-11-30 18:01:00", "2026-12-01 09:00:00"));  // 18:01 is closed: Tue 09:00 GMT
    }

    [Test]
    public void The_seeds_reminder_strategy_skips_a_destination_with_no_tries_and_keeps_quiet_hours()
    {
        // Wednesday 20:30 EST; the second try is due at 21:30:25, inside quiet hours, so it waits for 08:00.
        var attempts = DialSchedule.Plan(Strategy(25_000, 3_600_000, 2, 0), CallingWindow.Always, null,
            [At(0, "+12125550100", NewYork), At(1, "+12125550101", NewYork)], Utc("2026-11-26 01:30:00"));

        AssertTimeline(attempts, 25_000,
            (0, 1, "2026-11-26 01:30:00", "2026-11-26 01:30:00"),
            (0, 2, "2026-11-26 02:30:25", "2026-11-26 13:00:00"));
    }

    [Test]
    public void Without_quiet_hours_an_unwindowed_outplan_dials_at_any_hour()
    {
        var attempts = DialSchedule.Plan(Strategy(25_000, 3_600_000, 2), Window(CallingDays.All, "00:00", "24:00", quietHours: false), null,
            [At(0, "+12125550100", NewYork)], Utc("2026-11-26 01:30:00"));

        AssertTimeline(attempts, 25_000,
            (0, 1, "2026-11-26 01:30:00", "2026-11-26 01:30:00"),
            (0, 2, "2026-11-26 02:30:25", "2026-11-26 02:30:25"));
    }

    [Test]
    public void A_window_ending_at_midnight_lets_a_call_start_before_it_and_ring_past_it()
    {
        // Weekend evenings 20:00-24:00 UTC; the first call starts 10 s before midnight on Saturday.
        var attempts = DialSchedule.Plan(Strategy(30_000, 3_600_000, 3), Window(CallingDays.Saturday | CallingDays.Sunday, "20:00", "24:00", quietHours: false),
            null, [At(0, "sip:front-desk@pbx.example.com", TimeZoneInfo.Utc)], Utc("2026-11-28 23:59:50"));

        AssertTimeline(attempts, 30_000,
            (0, 1, "2026-11-28 23:59:50", "2026-11-28 23:59:50"),   // Sat 23:59:50, rings until Sun 00:00:20
            (0, 2, "2026-11-29 01:00:20", "2026-11-29 20:00:00"),   // Sun 01:00:20 is closed: Sun 20:00
            (0, 3, "2026-11-29 21:00:30", "2026-11-29 21:00:30"));
    }

    [Test]
    public void Clocks_going_back_move_the_utc_time_of_a_morning_window()
    {
        // New York leaves daylight saving at 02:00 on Sunday 1 November 2026: 09:00 is 13:00Z on
        // Saturday and 14:00Z from Sunday. A daily try, 24 h after the last ring ends.
        var attempts = DialSchedule.Plan(Strategy(30_000, 86_400_000, 3), Window(CallingDays.All, "09:00", "10:00"), null,
            [At(0, "+12125550100", NewYork)], Utc("2026-10-31 13:00:00"));

        AssertTimeline(attempts, 30_000,
            (0, 1, "2026-10-31 13:00:00", "2026-10-31 13:00:00"),   // Sat 09:00 EDT
            (0, 2, "2026-11-01 13:00:30", "2026-11-01 14:00:00"),   // Sun 08:00:30 EST: waits for 09:00 EST
            (0, 3, "2026-11-02 14:00:30", "2026-11-02 14:00:30"));  // Mon 09:00:30 EST
    }

    [Test]
    public void A_window_the_clock_goes_back_into_opens_again()
    {
        // 01:45 EDT is past a 00:00-01:30 window, but at 06:00Z New York's clocks go back to 01:00 EST, inside it again.
        var attempts = DialSchedule.Plan(Strategy(30_000, 600_000, 1), Window(CallingDays.All, "00:00", "01:30", quietHours: false), null,
            [At(0, "+12125550100", NewYork)], Utc("2026-11-01 05:45:00"));

        AssertTimeline(attempts, 30_000, (0, 1, "2026-11-01 05:45:00", "2026-11-01 06:00:00"));
    }

    [Test]
    public void A_window_opening_inside_the_hour_clocks_skip_opens_when_they_jump()
    {
        // London skips 01:00-02:00 on 28 March 2027: a window from 01:30 opens at the jump (01:00Z, 02:00 BST).
        var attempts = DialSchedule.Plan(Strategy(30_000, 600_000, 2), Window(CallingDays.All, "01:30", "03:00", "Europe/London", quietHours: false), London,
            [At(0, "sip:agent@pbx.example.com", TimeZoneInfo.Utc)], Utc("2027-03-28 00:45:00"));

        AssertTimeline(attempts, 30_000,
            (0, 1, "2027-03-28 00:45:00", "2027-03-28 01:00:00"),
            (0, 2, "2027-03-28 01:10:30", "2027-03-28 01:10:30"));
    }

    [Test]
    public void A_window_wholly_inside_the_skipped_hour_does_not_open_that_day()
    {
        // 01:00-01:45 never happens in London on 28 March 2027; the next is Monday's, 01:00 BST (00:00Z).
        var attempts = DialSchedule.Plan(Strategy(30_000, 600_000, 1), Window(CallingDays.All, "01:00", "01:45", "Europe/London", quietHours: false), London,
            [At(0, "sip:agent@pbx.example.com", TimeZoneInfo.Utc)], Utc("2027-03-28 00:30:00"));

        AssertTimeline(attempts, 30_000, (0, 1, "2027-03-28 00:30:00", "2027-03-29 00:00:00"));
    }

    [Test]
    public void A_number_in_two_zones_is_dialled_only_when_the_window_is_open_in_both()
    {
        // Idaho's 208 spans Mountain (Boise) and Pacific time. Wednesday 08:30 MST / 07:30 PST:
        // Boise opens at 09:00 MST (16:00Z), Los Angeles only at 09:00 PST (17:00Z); both close at 17:00 MST (00:00Z).
        var attempts = DialSchedule.Plan(Strategy(30_000, 25_200_000, 2), Window(Weekdays, "09:00", "17:00"), null,
            [At(0, "+12085550100", Boise, LosAngeles)], Utc("2026-11-25 15:30:00"));

        AssertTimeline(attempts, 30_000,
            (0, 1, "2026-11-25 15:30:00", "2026-11-25 17:00:00"),
            (0, 2, "2026-11-26 00:00:30", "2026-11-26 17:00:00"));  // 17:00:30 MST is closed in Boise: Thu 09:00 PST
    }

    [Test]
    public void A_window_in_its_own_zone_is_also_held_to_the_callees_quiet_hours()
    {
        // 09:00-18:00 London is 04:00-13:00 in New York in winter; quiet hours there open at 08:00 EST (13:00Z).
        var attempts = DialSchedule.Plan(Strategy(30_000, 7_200_000, 2), Window(Weekdays, "09:00", "18:00", "Europe/London"), London,
            [At(0, "+12125550100", NewYork)], Utc("2026-11-25 09:00:00"));

        AssertTimeline(attempts, 30_000,
            (0, 1, "2026-11-25 09:00:00", "2026-11-25 13:00:00"),
            (0, 2, "2026-11-25 15:00:30", "2026-11-25 15:00:30")); // 10:00:30 EST, 15:00:30 GMT: both open
    }

    [Test]
    public void A_window_that_never_opens_for_a_callee_is_refused_with_the_destination_named()
    {
        // 09:00-10:00 London is 23:00-00:00 in Honolulu, always inside its quiet hours.
        var refusal = Assert.Throws<DomainException>(() => DialSchedule.Plan(Strategy(30_000, 600_000, 1, 1), Window(CallingDays.All, "09:00", "10:00", "Europe/London"),
            London, [At(0, "+442079460000", London), At(1, "+18085550100", Honolulu)], Utc("2026-11-25 09:00:00")));

        Assert.That(refusal!.Message, Does.StartWith("destination_1 +18085550100: the calling window never opens in Pacific/Honolulu, checked for 366 days from 2026-11-25 09:10Z"));
    }

    [Test]
    public void No_tries_means_no_attempts()
    {
        var attempts = DialSchedule.Plan(Strategy(30_000, 600_000, 0, 0), CallingWindow.Always, null, [At(0, "+12125550100", NewYork)], Utc("2026-11-25 09:00:00"));

        Assert.That(attempts, Is.Empty);
    }

    [TestCase(22 * 60, 2 * 60, TestName = "A window crossing midnight is refused")]
    [TestCase(9 * 60, 9 * 60, TestName = "A window of no length is refused")]
    [TestCase(0, 24 * 60 + 1, TestName = "A window past 24:00 is refused")]
    public void Windows_lie_within_one_day(int start, int end) =>
        Assert.Throws<DomainException>(() => _ = new CallingWindow(CallingDays.All, start, end, CallingWindow.CalleeTimeZone, quietHours: false));

    [Test]
    public void A_callee_time_window_wholly_in_quiet_hours_is_refused_but_allowed_without_them()
    {
        Assert.Throws<DomainException>(() => _ = Window(CallingDays.All, "05:00", "08:00"));
        Assert.Throws<DomainException>(() => _ = Window(CallingDays.All, "21:00", "23:00"));
        Assert.DoesNotThrow(() => _ = Window(CallingDays.All, "05:00", "08:00", quietHours: false));
        Assert.DoesNotThrow(() => _ = Window(CallingDays.All, "05:00", "08:00", "Asia/Tokyo"));
    }

    [Test]
    public void Days_of_the_week_map_to_their_flags()
    {
        Assert.That(Enum.GetValues<DayOfWeek>().Select(CallingWindow.DayOf).Aggregate((all, day) => all | day), Is.EqualTo(CallingDays.All));
        Assert.That(CallingWindow.DayOf(DayOfWeek.Monday), Is.EqualTo(CallingDays.Monday));
        Assert.That(CallingWindow.DayOf(DayOfWeek.Sunday), Is.EqualTo(CallingDays.Sunday));
    }
}
