namespace AniPlanner.Domain.AniPlanning.Regions;

/// <summary>
/// Reference data, the Region aggregate: one area code and the plan row it counts toward.
/// NANP codes roll up by (region, state), so overlays share a row; a UK code is its own row,
/// with its counties as the region and the code (without its leading zero) as the state.
/// </summary>
public sealed class RegionArea
{
    public const string Nanp = "nanp";
    public const string Uk = "uk";

    /// <summary>The one UK "Mobile" row: every 07x number lands here.</summary>
    public const string UkMobileCode = "7";

    public RegionArea(string plan, string areaCode, string country, string region, string state, AreaKind kind)
    {
        Plan = plan;
        AreaCode = areaCode;
        Country = country;
        Region = region;
        State = state;
        Kind = kind;
    }

    /// <summary><see cref="Nanp"/> or <see cref="Uk"/>: the numbering plan the code belongs to.</summary>
    public string Plan { get; private set; }

    /// <summary>Without trunk prefix: "213", "20", "1382", "7" (UK mobile), "800".</summary>
    public string AreaCode { get; private set; }

    /// <summary>ISO 3166 alpha-2 of the code's country ("US", "CA", "GB", "BS", ...), empty when shared.</summary>
    public string Country { get; private set; }

    public string Region { get; private set; }
    public string State { get; private set; }
    public AreaKind Kind { get; private set; }

    /// <summary>
    /// The country a number in this area belongs to. Toll-free codes are shared by the US and
    /// Canada; like libphonenumber, we file them under the US.
    /// </summary>
    public string NumberCountry => Kind == AreaKind.TollFree ? "US" : Country;

    /// <summary>The key dials and ANIs are stored under: plan and code, e.g. "nanp:213".</summary>
    public string Key => AreaKey(Plan, AreaCode);

    public static string AreaKey(string plan, string areaCode) => $"{plan}:{areaCode}";
}
