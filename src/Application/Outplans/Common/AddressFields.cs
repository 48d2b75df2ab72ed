using System.Text.Json.Serialization;
using AniPlanner.Domain.Outplans;

namespace AniPlanner.Application.Outplans.Common;

/// <summary>An address as a caller sends it: any part may be left out (a type, when the target is a phone number).</summary>
public sealed class AddressFields
{
    [JsonPropertyName("type")] public string? Type { get; init; }
    [JsonPropertyName("target")] public string? Target { get; init; }
    [JsonPropertyName("target_name")] public string? TargetName { get; init; }
    [JsonPropertyName("name")] public string? Name { get; init; }
    [JsonPropertyName("detail")] public string? Detail { get; init; }

    /// <summary>Only after validation; a target without a type is then an E.164 number, stored as a tel address.</summary>
    public Address ToAddress() => new(AddressTargets.EffectiveType(Type, Target), Target ?? "", TargetName ?? "", Name ?? "", Detail ?? "");
}
