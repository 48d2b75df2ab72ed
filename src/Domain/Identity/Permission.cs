namespace AniPlanner.Domain.Identity;

/// <summary>
/// What a credential may do inside its customer. Each level includes the ones below it:
/// admin ⊃ manager ⊃ planner.
/// Declared from the most to the least, the order the wire lists them in; the values rank them.
/// </summary>
public enum Permission
{
    /// <summary>Everything in the customer, users and access keys included.</summary>
    Admin = 2,

    /// <summary>Outplans and the ANI Planner's data and plans.</summary>
    Manager = 1,

    /// <summary>ANI Planner: generate plans and read its data.</summary>
    Planner = 0,
}

public static class Permissions
{
    /// <summary>Whether a credential holding <paramref name="held"/> may act where <paramref name="required"/> is needed.</summary>
    public static bool Covers(this Permission held, Permission required) => held >= required;
}
