using System.Text.Json.Serialization;

namespace AniPlanner.Application.Identity.Common;

/// <summary>
/// Who is calling (<c>GET /v1.0/me</c>): VoIPBIN's field names where they mean the same here
/// (its <c>/me</c> answers the agent: id, customer_id, username, name, detail, permission, times),
/// plus the customer's name and the kind of credential. The platform key belongs to no customer
/// and is no stored credential, so what it lacks is null or empty.
/// </summary>
public sealed class CallerDto
{
    /// <summary>The access key's or user's id; null for the platform key.</summary>
    [JsonPropertyName("id")] public Guid? Id { get; init; }

    [JsonPropertyName("customer_id")] public Guid? CustomerId { get; init; }
    [JsonPropertyName("customer_name")] public string? CustomerName { get; init; }

    /// <summary>"accesskey", "user" or "platform".</summary>
    [JsonPropertyName("credential_type")] public string CredentialType { get; init; } = "";

    /// <summary>The user's username for a login token; empty otherwise.</summary>
    [JsonPropertyName("username")] public string Username { get; init; } = "";

    [JsonPropertyName("name")] public string Name { get; init; } = "";
    [JsonPropertyName("detail")] public string Detail { get; init; } = "";

    /// <summary>admin, manager or planner; null for the platform key, which manages customers only.</summary>
    [JsonPropertyName("permission")] public string? Permission { get; init; }

    [JsonPropertyName("tm_create")] public string? TmCreate { get; init; }
    [JsonPropertyName("tm_update")] public string? TmUpdate { get; init; }
}
