namespace AniPlanner.Domain.AniPlanning.Regions;

/// <summary>What an area code (or UK number range) is, which decides the plan row it lands in.</summary>
public enum AreaKind
{
    /// <summary>A NANP geographic code, or a UK geographic area code.</summary>
    Geographic = 0,

    /// <summary>NANP toll-free (800, 833, ...): one "TF" row for US and Canadian companies.</summary>
    TollFree = 1,

    /// <summary>UK mobile (07x): one "Mobile" row for UK companies.</summary>
    Mobile = 2,

    /// <summary>UK freephone (0800, 0808): never a row.</summary>
    Freephone = 3,

    /// <summary>NANP non-geographic services (500, 900, ...): never a row.</summary>
    NonGeographic = 4,

    /// <summary>A NANP code of another country (Caribbean, Bermuda): never a row.</summary>
    Foreign = 5,
}
