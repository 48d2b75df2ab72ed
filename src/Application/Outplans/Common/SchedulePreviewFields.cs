using System.Text.Json.Serialization;

namespace AniPlanner.Application.Outplans.Common;

/// <summary>What a schedule preview asks about: a target's destinations and when dialing starts.</summary>
public interface ISchedulePreviewFields
{
    /// <summary>destination_0 onwards: E.164 numbers or SIP addresses, 1 to 5.</summary>
    IReadOnlyList<string?>? Destinations { get; }

    /// <summary>An RFC 3339 instant; left out, now.</summary>
    string? Start { get; }
}

/// <summary>The body of <c>POST /v1.0/outplans/{id}/schedule_preview</c>.</summary>
public sealed class SchedulePreviewFields : ISchedulePreviewFields
{
    public const int MaxDestinationLength = 255;

    [JsonPropertyName("destinations")] public IReadOnlyList<string?>? Destinations { get; init; }
    [JsonPropertyName("start")] public string? Start { get; init; }
}
