namespace AniPlanner.Domain.Outplans;

/// <summary>
/// A VoIPBIN address (here: the caller ID an outplan dials from). Every part is always present
/// on the wire, as an empty string where the caller gave nothing.
/// </summary>
public sealed record Address(string Type, string Target, string TargetName, string Name, string Detail)
{
    public static readonly Address Empty = new("", "", "", "", "");

    /// <summary>The address types VoIPBIN knows; an empty type is allowed only with no target.</summary>
    public static readonly IReadOnlyList<string> Types = ["agent", "conference", "email", "extension", "line", "sip", "tel"];

    public const int MaxPartLength = 255;
}
