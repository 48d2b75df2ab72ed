using System.Text.Json.Serialization;
using AniPlanner.Application.Common.Time;
using AniPlanner.Domain.Outplans;

namespace AniPlanner.Application.Outplans.Common;

/// <summary>A calling window as a caller sends it; the validator says what is missing or wrong.</summary>
public sealed class CallingWindowFields
{
    [JsonPropertyName("days")] public IReadOnlyList<string?>? Days { get; init; }
    [JsonPropertyName("start")] public string? Start { get; init; }
    [JsonPropertyName("end")] public string? End { get; init; }

    /// <summary>Left out: <c>callee</c>.</summary>
    [JsonPropertyName("time_zone")] public string? TimeZone { get; init; }

    /// <summary>Left out: true.</summary>
    [JsonPropertyName("quiet_hours")] public bool? QuietHours { get; init; }

    /// <summary>Only after validation.</summary>
    public CallingWindow ToCallingWindow() => new(
        Days!.Aggregate(CallingDays.None, (days, name) => days | CallingWindowWire.DayOf(name)!.Value),
        CallingWindowWire.MinuteOf(Start)!.Value,
        CallingWindowWire.MinuteOf(End)!.Value,
        TimeZoneNames.Find(TimeZone)?.Id ?? CallingWindow.CalleeTimeZone,
        QuietHours ?? true);
}
