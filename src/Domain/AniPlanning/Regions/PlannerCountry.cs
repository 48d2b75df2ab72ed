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
    public static string ToWire(this PlannerCountry country) => country switch
    {
        PlannerCountry.Us => "us",
        PlannerCountry.Ca => "ca",
        _ => "uk",
    };

    public static bool TryParse(string? text, out PlannerCountry country)
    {
        (var known, country) = text switch
        {
            "us" => (true, PlannerCountry.Us),
            "ca" => (true, PlannerCountry.Ca),
            "uk" => (true, PlannerCountry.Uk),
            _ => (false, PlannerCountry.Us),
        };
        return known;
    }

    /// <summary>The planner country of an ISO country code, if it is one we plan for.</summary>
    public static PlannerCountry? FromIso(string iso) => iso switch
    {
        "US" => PlannerCountry.Us,
        "CA" => PlannerCountry.Ca,
        "GB" => PlannerCountry.Uk,
        _ => null,
    };
}
