using System.Text.Json.Serialization;

namespace AniPlanner.Application.Outplans.Common;

/// <summary>An outplan's calling window on the wire; what <c>PUT .../calling_window</c> takes and every read answers.</summary>
public sealed class CallingWindowDto
{
    /// <summary>The days calls may start on, Monday first: <c>mon</c> .. <c>sun</c>.</summary>
    [JsonPropertyName("days")] public IReadOnlyList<string> Days { get; init; } = [];

    /// <summary>From when calls may start, <c>HH:MM</c> (24-hour clock).</summary>
    [JsonPropertyName("start")] public string Start { get; init; } = "";

    /// <summary>Until when calls may start, <c>HH:MM</c>, later than start; <c>24:00</c> is the end of the day.</summary>
    [JsonPropertyName("end")] public string End { get; init; } = "";

    /// <summary><c>callee</c> (each callee's local time) or an IANA time zone such as <c>America/New_York</c>.</summary>
    [JsonPropertyName("time_zone")] public string TimeZone { get; init; } = "";

    /// <summary>When true, calls also start only 08:00 to 21:00 in the callee's local time.</summary>
    [JsonPropertyName("quiet_hours")] public bool QuietHours { get; init; }
}
