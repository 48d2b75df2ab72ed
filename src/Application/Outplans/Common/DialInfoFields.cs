using System.Text.Json.Serialization;
using AniPlanner.Domain.Outplans;

namespace AniPlanner.Application.Outplans.Common;

/// <summary>
/// The dial info of an outplan as a caller sends it (create and <c>PUT /dial_info</c>). Fields
/// left out keep VoIPBIN's zero values; the validator insists on the two timings.
/// </summary>
public class DialInfoFields
{
    [JsonPropertyName("source")] public AddressFields? Source { get; init; }
    [JsonPropertyName("dial_timeout")] public long? DialTimeout { get; init; }
    [JsonPropertyName("try_interval")] public long? TryInterval { get; init; }
    [JsonPropertyName("max_try_count_0")] public int? MaxTryCount0 { get; init; }
    [JsonPropertyName("max_try_count_1")] public int? MaxTryCount1 { get; init; }
    [JsonPropertyName("max_try_count_2")] public int? MaxTryCount2 { get; init; }
    [JsonPropertyName("max_try_count_3")] public int? MaxTryCount3 { get; init; }
    [JsonPropertyName("max_try_count_4")] public int? MaxTryCount4 { get; init; }

    [JsonIgnore]
    public IReadOnlyList<int?> MaxTryCounts => [MaxTryCount0, MaxTryCount1, MaxTryCount2, MaxTryCount3, MaxTryCount4];

    /// <summary>Only after validation: the timings are then known to be present and in range.</summary>
    public DialInfo ToDialInfo() => new(
        Source?.ToAddress() ?? Address.Empty,
        DialTimeout ?? 0,
        TryInterval ?? 0,
        [.. MaxTryCounts.Select(count => count ?? 0)]);
}
