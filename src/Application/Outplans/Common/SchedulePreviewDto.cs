using System.Text.Json.Serialization;

namespace AniPlanner.Application.Outplans.Common;

/// <summary>Every attempt an outplan makes at one target when no call is answered, and why each is when it is.</summary>
public sealed class SchedulePreviewDto
{
    /// <summary>When the first attempt is due (UTC).</summary>
    [JsonPropertyName("start")] public string Start { get; init; } = "";

    [JsonPropertyName("dial_timeout")] public long DialTimeout { get; init; }
    [JsonPropertyName("try_interval")] public long TryInterval { get; init; }
    [JsonPropertyName("calling_window")] public CallingWindowDto CallingWindow { get; init; } = new();
    [JsonPropertyName("destinations")] public IReadOnlyList<ScheduledDestinationDto> Destinations { get; init; } = [];
    [JsonPropertyName("attempts")] public IReadOnlyList<ScheduledAttemptDto> Attempts { get; init; } = [];

    /// <summary>When the last attempt stops ringing (UTC); null when there are no attempts.</summary>
    [JsonPropertyName("last_ring_until")] public string? LastRingUntil { get; init; }
}

/// <summary>A destination of the target: how often it is tried and in which zones its callee may be.</summary>
public sealed class ScheduledDestinationDto
{
    [JsonPropertyName("destination_index")] public int DestinationIndex { get; init; }
    [JsonPropertyName("destination")] public string Destination { get; init; } = "";

    /// <summary>The outplan's <c>max_try_count_N</c> for this index; 0 skips it.</summary>
    [JsonPropertyName("max_try_count")] public int MaxTryCount { get; init; }

    /// <summary>IANA zones; the window must be open in all of them.</summary>
    [JsonPropertyName("time_zones")] public IReadOnlyList<string> TimeZones { get; init; } = [];

    /// <summary><c>number</c>, <c>outplan</c> (the window's zone) or <c>utc</c>.</summary>
    [JsonPropertyName("time_zone_source")] public string TimeZoneSource { get; init; } = "";
}

/// <summary>One attempt; all instants UTC.</summary>
public sealed class ScheduledAttemptDto
{
    [JsonPropertyName("destination_index")] public int DestinationIndex { get; init; }
    [JsonPropertyName("destination")] public string Destination { get; init; } = "";

    /// <summary>1 for the first attempt at this destination.</summary>
    [JsonPropertyName("try_number")] public int TryNumber { get; init; }

    /// <summary>When the strategy alone would dial: the start, or try_interval after the previous attempt stopped ringing.</summary>
    [JsonPropertyName("due_at")] public string DueAt { get; init; } = "";

    /// <summary>When it dials: due_at, or the next instant the window opens for this callee.</summary>
    [JsonPropertyName("dial_at")] public string DialAt { get; init; } = "";

    [JsonPropertyName("moved_by_window")] public bool MovedByWindow { get; init; }

    /// <summary>dial_at plus dial_timeout: when an unanswered call gives up.</summary>
    [JsonPropertyName("ring_until")] public string RingUntil { get; init; } = "";

    /// <summary>dial_at on the callee's clock, in each zone the callee may be in.</summary>
    [JsonPropertyName("callee_times")] public IReadOnlyList<CalleeTimeDto> CalleeTimes { get; init; } = [];
}

public sealed class CalleeTimeDto
{
    [JsonPropertyName("time_zone")] public string TimeZone { get; init; } = "";

    /// <summary>RFC 3339 with the zone's offset at that instant, e.g. 2026-11-25T09:00:00.000000-05:00.</summary>
    [JsonPropertyName("local_time")] public string LocalTime { get; init; } = "";
}
