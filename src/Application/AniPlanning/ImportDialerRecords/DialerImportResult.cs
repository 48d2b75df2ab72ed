using System.Text.Json.Serialization;

namespace AniPlanner.Application.AniPlanning.ImportDialerRecords;

/// <summary>The dialer's answer, <c>{"message": "dial queued"}</c>, with what became of the records.</summary>
public sealed class DialerImportResult
{
    public const string Queued = "dial queued";

    [JsonPropertyName("message")] public string Message { get; init; } = Queued;

    [JsonPropertyName("accepted")] public long Accepted { get; init; }

    [JsonPropertyName("duplicates")] public long Duplicates { get; init; }

    /// <summary>Records of other directions (Inbound, SMS, Transfer, ...): not dials, never rejected.</summary>
    [JsonPropertyName("skipped")] public long Skipped { get; init; }

    [JsonPropertyName("rejected")] public List<RejectedDialerRecord> Rejected { get; init; } = [];

    [JsonPropertyName("rejected_count")] public long RejectedCount { get; init; }
}

public sealed record RejectedDialerRecord(
    [property: JsonPropertyName("index")] long Index,
    [property: JsonPropertyName("dial_id")] string? DialId,
    [property: JsonPropertyName("message")] string Message);
