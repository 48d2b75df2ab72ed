namespace AniPlanner.Application.AniPlanning.Common;

/// <summary>The company's planner settings; <c>country</c> null means "detect it".</summary>
public sealed record PlannerSettingsDto(string? Country);
