using AniPlanner.Application.Common.Wire;
using AniPlanner.Domain.AniPlanning.Settings;
using AutoMapper;

namespace AniPlanner.Application.AniPlanning.Common;

/// <summary>
/// The company's planner settings as stored, null meaning "the default" (for <c>country</c>:
/// detect it), and <see cref="Effective"/>: what they come to now.
/// </summary>
public sealed record PlannerSettingsDto(string? Country, string? TimeZone, string? NumberRegion)
{
    public EffectivePlannerSettingsDto Effective { get; init; } = null!;

    /// <summary>The stored settings as the profile maps them, with what they come to.</summary>
    public static PlannerSettingsDto Of(IMapper mapper, PlannerSettings stored, EffectivePlannerSettings effective) =>
        mapper.Map<PlannerSettingsDto>(stored) with { Effective = EffectivePlannerSettingsDto.From(effective) };
}

/// <summary>The settings in force, every default resolved.</summary>
public sealed record EffectivePlannerSettingsDto(string Country, string TimeZone, string NumberRegion)
{
    public static EffectivePlannerSettingsDto From(EffectivePlannerSettings effective) =>
        new(effective.Country.ToWire(), effective.TimeZone, effective.NumberRegion.ToWire());
}
