using System.Globalization;
using AniPlanner.Application.Common.Time;
using AniPlanner.Application.Common.Wire;
using AniPlanner.Domain.Common;
using AniPlanner.Domain.Outplans;

namespace AniPlanner.Application.Outplans.Common;

/// <summary>Runs <see cref="DialSchedule"/> for validated preview fields and writes its answer.</summary>
internal static class SchedulePreviews
{
    public static SchedulePreviewDto Preview(DialInfo dialInfo, CallingWindow window, ISchedulePreviewFields fields, TimeProvider clock)
    {
        var windowZone = window.InCalleeTime
            ? null
            : TimeZoneNames.Find(window.TimeZone) ?? throw new DomainException($"The calling window's time zone {window.TimeZone} is not known to this server.");
        var start = fields.Start is null ? Timestamps.Now(clock) : ParsedStart(fields.Start);

        var destinations = new List<(ScheduledDestination Destination, string Source)>();
        for (var index = 0; index < fields.Destinations!.Count; index++)
        {
            var destination = fields.Destinations[index]!;
            var (zones, source) = CalleeTimeZones.Of(destination, windowZone);
            destinations.Add((new ScheduledDestination(index, destination, zones), source));
        }

        var attempts = DialSchedule.Plan(dialInfo, window, windowZone, [.. destinations.Select(entry => entry.Destination)], start);
        return new SchedulePreviewDto
        {
            Start = VoipbinTime.ToRfc3339(start),
            DialTimeout = dialInfo.DialTimeout,
            TryInterval = dialInfo.TryInterval,
            CallingWindow = CallingWindowWire.ToDto(window),
            Destinations = [.. destinations.Select(entry => new ScheduledDestinationDto
            {
                DestinationIndex = entry.Destination.Index,
                Destination = entry.Destination.Destination,
                MaxTryCount = dialInfo.MaxTryCounts[entry.Destination.Index],
                TimeZones = [.. entry.Destination.CalleeZones.Select(zone => zone.Id)],
                TimeZoneSource = entry.Source,
            })],
            Attempts = [.. attempts.Select(attempt => new ScheduledAttemptDto
            {
                DestinationIndex = attempt.DestinationIndex,
                Destination = attempt.Destination,
                TryNumber = attempt.TryNumber,
                DueAt = VoipbinTime.ToRfc3339(attempt.DueAt),
                DialAt = VoipbinTime.ToRfc3339(attempt.DialAt),
                MovedByWindow = attempt.MovedByWindow,
                RingUntil = VoipbinTime.ToRfc3339(attempt.RingUntil),
                CalleeTimes = [.. destinations[attempt.DestinationIndex].Destination.CalleeZones.Select(zone => new CalleeTimeDto { TimeZone = zone.Id, LocalTime = LocalTime(attempt.DialAt, zone) })],
            })],
            LastRingUntil = attempts.Count == 0 ? null : VoipbinTime.ToRfc3339(attempts[^1].RingUntil),
        };
    }

    /// <summary>Whole microseconds, as every time the service stores and writes.</summary>
    private static DateTime ParsedStart(string text)
    {
        VoipbinTime.TryParse(text, out var start);
        return Timestamps.TruncateToMicroseconds(start);
    }

    private static string LocalTime(DateTime instant, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(new DateTimeOffset(instant, TimeSpan.Zero), zone);
        return local.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffffzzz", CultureInfo.InvariantCulture);
    }
}
