using System.Text.Json.Serialization;

namespace AniPlanner.Application.Outplans.Common;

/// <summary>
/// An outplan as VoIPBIN puts it on the wire. The property order is the field order of the
/// contract (seeds 001/002) and the names are pinned here, not left to a naming policy.
/// </summary>
public sealed class OutplanDto
{
    [JsonPropertyName("id")] public Guid Id { get; init; }
    [JsonPropertyName("customer_id")] public Guid CustomerId { get; init; }
    [JsonPropertyName("name")] public string Name { get; init; } = "";
    [JsonPropertyName("detail")] public string Detail { get; init; } = "";
    [JsonPropertyName("source")] public AddressDto Source { get; init; } = new();
    [JsonPropertyName("dial_timeout")] public long DialTimeout { get; init; }
    [JsonPropertyName("try_interval")] public long TryInterval { get; init; }
    [JsonPropertyName("max_try_count_0")] public int MaxTryCount0 { get; init; }
    [JsonPropertyName("max_try_count_1")] public int MaxTryCount1 { get; init; }
    [JsonPropertyName("max_try_count_2")] public int MaxTryCount2 { get; init; }
    [JsonPropertyName("max_try_count_3")] public int MaxTryCount3 { get; init; }
    [JsonPropertyName("max_try_count_4")] public int MaxTryCount4 { get; init; }
    [JsonPropertyName("tm_create")] public string TmCreate { get; init; } = "";
    [JsonPropertyName("tm_update")] public string? TmUpdate { get; init; }
    [JsonPropertyName("tm_delete")] public string? TmDelete { get; init; }
}

/// <summary>A VoIPBIN address: every part present, empty where not given.</summary>
public sealed class AddressDto
{
    [JsonPropertyName("type")] public string Type { get; init; } = "";
    [JsonPropertyName("target")] public string Target { get; init; } = "";
    [JsonPropertyName("target_name")] public string TargetName { get; init; } = "";
    [JsonPropertyName("name")] public string Name { get; init; } = "";
    [JsonPropertyName("detail")] public string Detail { get; init; } = "";
}

/// <summary>One page of outplans, VoIPBIN's list object.</summary>
public sealed class OutplanPageDto
{
    [JsonPropertyName("result")] public IReadOnlyList<OutplanDto> Result { get; init; } = [];

    /// <summary>The last item's <c>tm_create</c>; empty when the page is empty.</summary>
    [JsonPropertyName("next_page_token")] public string NextPageToken { get; init; } = "";
}
