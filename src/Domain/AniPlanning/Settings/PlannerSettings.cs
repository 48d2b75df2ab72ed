using AniPlanner.Domain.AniPlanning.Regions;
using AniPlanner.Domain.Common;

namespace AniPlanner.Domain.AniPlanning.Settings;

/// <summary>A company's ANI Planner settings: so far, the country override.</summary>
public sealed class PlannerSettings : IAuditedResource
{
    private PlannerSettings()
    {
    }

    public Guid CustomerId { get; private set; }

    /// <summary>When set, plans use this country instead of detecting it.</summary>
    public PlannerCountry? Country { get; private set; }

    public DateTime? TmUpdate { get; private set; }

    public static PlannerSettings For(Guid customerId) => new() { CustomerId = customerId };

    public AuditedAs AuditedAs() => new(CustomerId, "settings", CustomerId.ToString());

    public void SetCountry(PlannerCountry? country, DateTime now)
    {
        Country = country;
        TmUpdate = now;
    }
}
