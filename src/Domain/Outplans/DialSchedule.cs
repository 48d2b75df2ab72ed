using System.Globalization;
using AniPlanner.Domain.Common;

namespace AniPlanner.Domain.Outplans;

/// <summary>A destination of an outdial target as the schedule sees it: its index and the zones its callee may be in.</summary>
public sealed record ScheduledDestination(int Index, string Destination, IReadOnlyList<TimeZoneInfo> CalleeZones);

/// <summary>
/// One dial attempt: due when the strategy alone would dial, dialled at the first instant from
/// then on that the calling window is open, ringing until <see cref="RingUntil"/>. All in UTC.
/// </summary>
public sealed record ScheduledAttempt(int DestinationIndex, string Destination, int TryNumber, DateTime DueAt, DateTime DialAt, DateTime RingUntil)
{
    public bool MovedByWindow => DialAt != DueAt;
}

/// <summary>
/// Every attempt an outplan makes at one target when no call is answered, as VoIPBIN dials it:
/// destination_0 up to <c>max_try_count_0</c> times, then destination_1, and so on; each attempt
/// rings for at most <c>dial_timeout</c>, and the next is due <c>try_interval</c> after it ends,
/// moved forward to the next instant the calling window is open for that callee.
/// </summary>
public static class DialSchedule
{
    /// <summary>How far past its due time an attempt may be moved before the window is called closed for good.</summary>
    public static readonly TimeSpan Horizon = TimeSpan.FromDays(366);

    /// <param name="windowZone">The window's zone, or null when the window is in the callee's time.</param>
    /// <param name="start">The first attempt's due time (UTC).</param>
    public static IReadOnlyList<ScheduledAttempt> Plan(
        DialInfo dialInfo, CallingWindow window, TimeZoneInfo? windowZone, IReadOnlyList<ScheduledDestination> destinations, DateTime start)
    {
        ArgumentNullException.ThrowIfNull(dialInfo);
        ArgumentNullException.ThrowIfNull(window);
        ArgumentNullException.ThrowIfNull(destinations);
        if (!window.InCalleeTime && windowZone is null)
        {
            throw new ArgumentException($"The window is in {window.TimeZone}, so its zone is needed.", nameof(windowZone));
        }

        var attempts = new List<ScheduledAttempt>();
        var due = DateTime.SpecifyKind(start, DateTimeKind.Utc);
        foreach (var destination in destinations)
        {
            var gates = GatesFor(window, windowZone, destination.CalleeZones);
            for (var tryNumber = 1; tryNumber <= dialInfo.MaxTryCounts[destination.Index]; tryNumber++)
            {
                var dialAt = FirstOpenInstant(gates, due) ?? throw NeverOpens(destination, due);
                var ringUntil = dialAt.AddMilliseconds(dialInfo.DialTimeout);
                attempts.Add(new ScheduledAttempt(destination.Index, destination.Destination, tryNumber, due, dialAt, ringUntil));
                due = ringUntil.AddMilliseconds(dialInfo.TryInterval);
            }
        }

        return attempts;
    }

    private static DomainException NeverOpens(ScheduledDestination destination, DateTime due)
    {
        var where = destination.CalleeZones.Count == 1
            ? $"in {destination.CalleeZones[0].Id}"
            : $"in all {destination.CalleeZones.Count} time zones this callee may be in (a number placed only by its country may be in any of them)";
        return new DomainException(string.Create(CultureInfo.InvariantCulture,
            $"destination_{destination.Index} {destination.Destination}: the calling window never opens {where}, checked for {Horizon.Days} days " +
            $"from {due:yyyy-MM-dd HH:mm}Z. Widen the window's days or hours, or turn quiet hours off where the law allows."));
    }

    /// <summary>
    /// What must all be open for a call to start: quiet hours and the window in every zone the
    /// callee may be in (the window in its own zone instead, when it has one).
    /// </summary>
    private static List<Gate> GatesFor(CallingWindow window, TimeZoneInfo? windowZone, IReadOnlyList<TimeZoneInfo> calleeZones)
    {
        var gates = new List<Gate>();
        foreach (var zone in calleeZones)
        {
            if (window.QuietHours)
            {
                gates.Add(new Gate(zone, CallingDays.All, CallingWindow.QuietHoursEndMinute, CallingWindow.QuietHoursStartMinute));
            }

            if (windowZone is null)
            {
                gates.Add(new Gate(zone, window.Days, window.StartMinute, window.EndMinute));
            }
        }

        if (windowZone is not null)
        {
            gates.Add(new Gate(windowZone, window.Days, window.StartMinute, window.EndMinute));
        }

        gates.RemoveAll(gate => gate.AlwaysOpen);
        return gates;
    }

    /// <summary>
    /// The first instant from <paramref name="due"/> on at which every gate is open. Each gate
    /// moves the candidate to its own next opening; none ever passes the answer, so when a whole
    /// round moves nothing, the candidate is it.
    /// </summary>
    private static DateTime? FirstOpenInstant(List<Gate> gates, DateTime due)
    {
        var candidate = due;
        var giveUpAfter = due + Horizon;
        bool moved;
        do
        {
            moved = false;
            foreach (var gate in gates)
            {
                var opening = gate.NextOpening(candidate);
                if (opening is null || opening > giveUpAfter)
                {
                    return null;
                }

                if (opening != candidate)
                {
                    candidate = opening.Value;
                    moved = true;
                }
            }
        }
        while (moved);

        return candidate;
    }

    /// <summary>Open on <paramref name="Days"/> from a start to an end minute of the local day in one zone.</summary>
    private sealed record Gate(TimeZoneInfo Zone, CallingDays Days, int StartMinute, int EndMinute)
    {
        public bool AlwaysOpen => Days == CallingDays.All && StartMinute == 0 && EndMinute == CallingWindow.MinutesPerDay;

        public bool IsOpen(DateTime instant)
        {
            var local = TimeZoneInfo.ConvertTimeFromUtc(instant, Zone);
            var minute = local.TimeOfDay.TotalMinutes;
            return Days.HasFlag(CallingWindow.DayOf(local.DayOfWeek)) && minute >= StartMinute && minute < EndMinute;
        }

        /// <summary>
        /// <paramref name="instant"/> when open, else the next instant the local clock reaches the
        /// start on an open day and the gate is open (a start skipped by a daylight-saving jump
        /// opens when the clock jumps past it; a start passed twice as clocks go back opens twice).
        /// </summary>
        public DateTime? NextOpening(DateTime instant)
        {
            if (IsOpen(instant))
            {
                return instant;
            }

            var today = TimeZoneInfo.ConvertTimeFromUtc(instant, Zone).Date;

            // Eight days reach the same weekday a week on, past any clock change on the way.
            for (var day = today; day <= today.AddDays(8); day = day.AddDays(1))
            {
                if (!Days.HasFlag(CallingWindow.DayOf(day.DayOfWeek)))
                {
                    continue;
                }

                // The start on that day, and the moment its clocks change: going back can reopen a window.
                foreach (var opening in InstantsAt(day.AddMinutes(StartMinute)).Append(ClockChangeOn(day)).Order())
                {
                    if (opening > instant && IsOpen(opening))
                    {
                        return opening;
                    }
                }
            }

            return null;
        }

        /// <summary>
        /// The first instant on the zone's new offset when its clocks change during the local
        /// <paramref name="day"/> (found to the minute, as clocks change on the minute); else
        /// <see cref="DateTime.MinValue"/>, which never opens anything.
        /// </summary>
        private DateTime ClockChangeOn(DateTime day)
        {
            var from = InstantsAt(day).First();
            var until = InstantsAt(day.AddDays(1)).First();
            var before = Zone.GetUtcOffset(from);
            if (Zone.GetUtcOffset(until) == before)
            {
                return DateTime.MinValue;
            }

            // Invariant: the offset at from is the old one, at until it is not.
            while (until - from > TimeSpan.FromMinutes(1))
            {
                var middle = from.AddMinutes(Math.Floor((until - from).TotalMinutes / 2));
                (from, until) = Zone.GetUtcOffset(middle) == before ? (middle, until) : (from, middle);
            }

            return until;
        }

        /// <summary>
        /// The instants, in order, at which the zone's clock first shows <paramref name="local"/> or
        /// later: two when clocks go back over it, the end of the jump when clocks skip it.
        /// </summary>
        private IEnumerable<DateTime> InstantsAt(DateTime local)
        {
            local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
            if (Zone.IsAmbiguousTime(local))
            {
                return Zone.GetAmbiguousTimeOffsets(local)
                    .Select(offset => DateTime.SpecifyKind(local - offset, DateTimeKind.Utc))
                    .Order();
            }

            while (Zone.IsInvalidTime(local))
            {
                local = local.AddMinutes(1);
            }

            return [TimeZoneInfo.ConvertTimeToUtc(local, Zone)];
        }
    }
}
