using System.Text.Json.Serialization;
using AniPlanner.Application.Outplans.Common;

namespace AniPlanner.Application.Outplans.PreviewStrategySchedule;

/// <summary>
/// The body of <c>POST /v1.0/schedule_preview</c>: an outplan's dial fields and calling window
/// inline, with the preview's destinations and start, for trying a strategy before saving it.
/// </summary>
public sealed class StrategyPreviewFields : DialInfoFields, ISchedulePreviewFields
{
    /// <summary>Left out: any day and hour, quiet hours on.</summary>
    [JsonPropertyName("calling_window")] public CallingWindowFields? CallingWindow { get; init; }

    [JsonPropertyName("destinations")] public IReadOnlyList<string?>? Destinations { get; init; }
    [JsonPropertyName("start")] public string? Start { get; init; }
}
