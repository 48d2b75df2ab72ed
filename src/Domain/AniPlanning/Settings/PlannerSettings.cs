using AniPlanner.Domain.AniPlanning.Regions;
using AniPlanner.Domain.Common;

namespace AniPlanner.Domain.AniPlanning.Settings;

/// <summary>
/// A company's ANI Planner settings: the country its plans follow, the time zone its dialer's
/// clock keeps and the country its national numbers belong to. Each left unset takes its default.
/// </summary>
public sealed class PlannerSettings : IAuditedResource
{
    private PlannerSettings()
    {
    }

    /// <summary>The longest IANA zone name is 32 characters (America/Argentina/ComodRivadavia).</summary>
    public const int MaxTimeZoneLength = 64;

    public Guid CustomerId { get; private set; }

    /// <summary>When set, plans use this country instead of detecting it.</summary>
    public PlannerCountry? Country { get; private set; }

    /// <summary>
    /// The IANA zone whose calendar gives the day of a dial reported without an offset; when
    /// unset, the planner country's <see cref="PlannerCountries.DefaultTimeZone"/>.
    /// </summary>
    public string? TimeZone { get; private set; }

    /// <summary>The country a number written without a country code is read in; when unset, the planner country.</summary>
    public PlannerCountry? NumberRegion { get; private set; }

    public DateTime? TmUpdate { get; private set; }

    public static PlannerSettings For(Guid customerId) => new() { CustomerId = customerId };

    public AuditedAs AuditedAs() => new(CustomerId, "settings", CustomerId.ToString());

    /// <summary>Replaces every setting at once (null: the default), as a PUT does.</summary>
    public void Replace(PlannerCountry? country, string? timeZone, PlannerCountry? numberRegion, DateTime now)
    {
        Country = country;
        TimeZone = timeZone;
        NumberRegion = numberRegion;
        TmUpdate = now;
    }

    /// <summary>What the settings come to once the planner country is known (the override, or the detected one).</summary>
    public EffectivePlannerSettings Resolve(PlannerCountry plannerCountry) => new(
        Country ?? plannerCountry,
        TimeZone ?? (Country ?? plannerCountry).DefaultTimeZone(),
        NumberRegion ?? Country ?? plannerCountry);
}

/// <summary>The settings in force: every default resolved.</summary>
public sealed record EffectivePlannerSettings(PlannerCountry Country, string TimeZone, PlannerCountry NumberRegion);
