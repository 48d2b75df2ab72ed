using System.Text.Json.Serialization;

namespace AniPlanner.Application.AniPlanning.Common;

public sealed class DialImportResult
{
    public long Accepted { get; init; }
    public long Duplicates { get; init; }
    /// <summary>The first rejected rows, as many as <see cref="ImportDials.DialImportOptions"/> allows; <see cref="RejectedCount"/> counts them all.</summary>
    public List<RejectedDial> Rejected { get; init; } = [];
    public long RejectedCount { get; init; }
}

public sealed record RejectedDial(
    [property: JsonPropertyName("index")] long Index,
    [property: JsonPropertyName("callId")] string? CallId,
    [property: JsonPropertyName("message")] string Message);
