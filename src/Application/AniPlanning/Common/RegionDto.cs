namespace AniPlanner.Application.AniPlanning.Common;

public sealed record RegionDto(string Region, string State, IReadOnlyList<string> AreaCodes);
