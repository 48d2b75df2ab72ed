using AniPlanner.Application.Common.Wire;
using AniPlanner.Domain.AniPlanning.Settings;

namespace AniPlanner.Application.AniPlanning.Common;

/// <summary>
/// The company's planner settings as stored, null meaning "the default" (for <c>country</c>:
/// detect it), and <see cref="Effective"/>: what they come to now.
/// </summary>
public sealed record PlannerSettingsDto(string? Country, string? TimeZone, string? NumberRegion)
{
    public EffectivePlannerSettingsDto Effective { get; init; } = null!;
}

/// <summary>The settings in force, every default resolved.</summary>
public sealed record EffectivePlannerSettingsDto(string Country, string TimeZone, string NumberRegion)
{
    public static EffectivePlannerSettingsDto From(EffectivePlannerSettings effective) =>
        new(effective.Country.ToWire(), effective.TimeZone, effective.NumberRegion.ToWire());
}
