using System.Text.Json.Serialization;

namespace AniPlanner.Api.AniPlanning;

/// <summary><c>{"success": true, "data": ...}</c>: the ANI Planner's success envelope.</summary>
public sealed class AniPlannerResponse<T>(T data)
{
    [JsonPropertyName("success")] public bool Success => true;
    [JsonPropertyName("data")] public T Data { get; } = data;
}

public static class AniPlannerResponse
{
    public static AniPlannerResponse<T> Of<T>(T data) => new(data);
}
