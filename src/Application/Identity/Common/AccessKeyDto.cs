using System.Text.Json.Serialization;

namespace AniPlanner.Application.Identity.Common;

/// <summary>An access key on the wire; <c>token</c> is present only in the answer that issued it.</summary>
public sealed class AccessKeyDto
{
    [JsonPropertyName("id")] public Guid Id { get; init; }
    [JsonPropertyName("customer_id")] public Guid CustomerId { get; init; }
    [JsonPropertyName("name")] public string Name { get; init; } = "";
    [JsonPropertyName("detail")] public string Detail { get; init; } = "";
    [JsonPropertyName("permission")] public string Permission { get; init; } = "";

    [JsonPropertyName("token")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Token { get; set; }

    /// <summary>The token's first characters, enough to tell keys apart; the token itself is never stored.</summary>
    [JsonPropertyName("token_prefix")] public string TokenPrefix { get; init; } = "";

    [JsonPropertyName("tm_expire")] public string? TmExpire { get; init; }
    [JsonPropertyName("tm_create")] public string TmCreate { get; init; } = "";
    [JsonPropertyName("tm_update")] public string? TmUpdate { get; init; }
    [JsonPropertyName("tm_delete")] public string? TmDelete { get; init; }
}

/// <summary>One page of access keys (VoIPBIN's list object).</summary>
public sealed class AccessKeyPageDto
{
    [JsonPropertyName("result")] public IReadOnlyList<AccessKeyDto> Result { get; init; } = [];
    [JsonPropertyName("next_page_token")] public string NextPageToken { get; init; } = "";
}
