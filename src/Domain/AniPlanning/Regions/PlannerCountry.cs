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

    /// <summary>The ISO code libphonenumber reads national numbers of the country with.</summary>
    public static string ToIso(this PlannerCountry country) => country switch
    {
        PlannerCountry.Ca => "CA",
        PlannerCountry.Uk => "GB",
        _ => "US",
    };

    /// <summary>The time zone a company of the country keeps by default: its largest business centre's.</summary>
    public static string DefaultTimeZone(this PlannerCountry country) => country switch
    {
        PlannerCountry.Ca => "America/Toronto",
        PlannerCountry.Uk => "Europe/London",
        _ => "America/New_York",
    };
}
