using System.Text.Json.Serialization;

namespace AniPlanner.Api.Common;

/// <summary>A <c>{"name", "detail"}</c> body: basic-info updates and customer creation.</summary>
public sealed class NameAndDetailRequest
{
    [JsonPropertyName("name")] public string? Name { get; init; }
    [JsonPropertyName("detail")] public string? Detail { get; init; }
}
