namespace AniPlanner.Domain.AniPlanning.Regions;

/// <summary>Reference data: a US ZIP code and the (lowest) area code serving it. Approximate.</summary>
public sealed class ZipAreaCode(string zip, string areaCode)
{
    public string Zip { get; private set; } = zip;
    public string AreaCode { get; private set; } = areaCode;
}

/// <summary>Reference data: a UK non-geographic number range (mobile, freephone, ...).</summary>
public sealed class UkNumberRange(string prefix, string kind, string territory)
{
    public const string MobileKind = "mobile";
    public const string FreephoneKind = "freephone";

    /// <summary>Digits after the trunk 0, e.g. "74" or "800735".</summary>
    public string Prefix { get; private set; } = prefix;

    public string Kind { get; private set; } = kind;
    public string Territory { get; private set; } = territory;
}
