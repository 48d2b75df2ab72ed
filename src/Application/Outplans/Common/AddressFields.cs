using System.Text.Json.Serialization;
using AniPlanner.Domain.Outplans;

namespace AniPlanner.Application.Outplans.Common;

/// <summary>An address as a caller sends it: any part may be left out.</summary>
public sealed class AddressFields
{
    [JsonPropertyName("type")] public string? Type { get; init; }
    [JsonPropertyName("target")] public string? Target { get; init; }
    [JsonPropertyName("target_name")] public string? TargetName { get; init; }
    [JsonPropertyName("name")] public string? Name { get; init; }
    [JsonPropertyName("detail")] public string? Detail { get; init; }

    public Address ToAddress() => new(Type ?? "", Target ?? "", TargetName ?? "", Name ?? "", Detail ?? "");
}
