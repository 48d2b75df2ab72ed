using System.Text.Json.Serialization;

namespace AniPlanner.Application.Identity.Common;

/// <summary>One entry of a customer's audit trail on the wire: who did what to which resource, and when.</summary>
public sealed class AuditLogDto
{
    [JsonPropertyName("id")] public Guid Id { get; init; }
    [JsonPropertyName("customer_id")] public Guid CustomerId { get; init; }
    [JsonPropertyName("actor_type")] public string ActorType { get; init; } = "";
    [JsonPropertyName("actor_id")] public string ActorId { get; init; } = "";
    [JsonPropertyName("action")] public string Action { get; init; } = "";
    [JsonPropertyName("resource_type")] public string ResourceType { get; init; } = "";
    [JsonPropertyName("resource_id")] public string ResourceId { get; init; } = "";
    [JsonPropertyName("tm_create")] public string TmCreate { get; init; } = "";
}

/// <summary>One page of audit logs (VoIPBIN's list object).</summary>
public sealed class AuditLogPageDto
{
    [JsonPropertyName("result")] public IReadOnlyList<AuditLogDto> Result { get; init; } = [];
    [JsonPropertyName("next_page_token")] public string NextPageToken { get; init; } = "";
}
