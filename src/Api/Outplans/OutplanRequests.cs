using System.Text.Json.Serialization;
using AniPlanner.Application.Outplans.Common;

namespace AniPlanner.Api.Outplans;

/// <summary><c>POST /v1.0/outplans</c>: basic info and dial info in one flat object.</summary>
public sealed class CreateOutplanRequest : DialInfoFields
{
    [JsonPropertyName("name")] public string? Name { get; init; }
    [JsonPropertyName("detail")] public string? Detail { get; init; }
}
