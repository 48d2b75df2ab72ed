using System.Text.Json.Serialization;

namespace AniPlanner.Application.Identity.Common;

/// <summary>A user on the wire; the password (or its hash) never is.</summary>
public sealed class UserDto
{
    [JsonPropertyName("id")] public Guid Id { get; init; }
    [JsonPropertyName("customer_id")] public Guid CustomerId { get; init; }
    [JsonPropertyName("username")] public string Username { get; init; } = "";
    [JsonPropertyName("name")] public string Name { get; init; } = "";
    [JsonPropertyName("detail")] public string Detail { get; init; } = "";
    [JsonPropertyName("permission")] public string Permission { get; init; } = "";
    [JsonPropertyName("tm_create")] public string TmCreate { get; init; } = "";
    [JsonPropertyName("tm_update")] public string? TmUpdate { get; init; }
    [JsonPropertyName("tm_delete")] public string? TmDelete { get; init; }
}

/// <summary>One page of users (VoIPBIN's list object).</summary>
public sealed class UserPageDto
{
    [JsonPropertyName("result")] public IReadOnlyList<UserDto> Result { get; init; } = [];
    [JsonPropertyName("next_page_token")] public string NextPageToken { get; init; } = "";
}
