namespace AniPlanner.Domain.Identity;

/// <summary>
/// What a credential may do inside its customer. Each level includes the ones below it:
/// admin ⊃ manager ⊃ planner.
/// </summary>
public enum Permission
{
    /// <summary>ANI Planner: generate plans and read its data.</summary>
    Planner = 0,

    /// <summary>Outplans and the ANI Planner's data and plans.</summary>
    Manager = 1,

    /// <summary>Everything in the customer, users and access keys included.</summary>
    Admin = 2,
}

public static class Permissions
{
    public static readonly IReadOnlyList<string> Wire = ["admin", "manager", "planner"];

    public static string ToWire(this Permission permission) => permission.ToString().ToLowerInvariant();

    public static bool TryParse(string? wire, out Permission permission)
    {
        (var known, permission) = wire switch
        {
            "admin" => (true, Permission.Admin),
            "manager" => (true, Permission.Manager),
            "planner" => (true, Permission.Planner),
            _ => (false, Permission.Planner),
        };
        return known;
    }

    /// <summary>Whether a credential holding <paramref name="held"/> may act where <paramref name="required"/> is needed.</summary>
    public static bool Covers(this Permission held, Permission required) => held >= required;
}
