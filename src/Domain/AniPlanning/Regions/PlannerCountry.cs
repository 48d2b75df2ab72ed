namespace AniPlanner.Domain.AniPlanning.Regions;

/// <summary>The countries a plan can be made for; the wire says "us", "ca" and "uk".</summary>
public enum PlannerCountry
{
    Us,
    Ca,
    Uk,
}

public static class PlannerCountries
{
    /// <summary>The planner country of an ISO country code, if it is one we plan for.</summary>
    public static PlannerCountry? FromIso(string iso) => iso switch
    {
        "US" => PlannerCountry.Us,
        "CA" => PlannerCountry.Ca,
        "GB" => PlannerCountry.Uk,
        _ => null,
    };
}
