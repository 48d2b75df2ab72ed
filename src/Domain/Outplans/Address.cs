namespace AniPlanner.Domain.Outplans;

/// <summary>
/// A VoIPBIN address (here: the caller ID an outplan dials from). Every part is always present
/// on the wire, as an empty string where the caller gave nothing.
/// </summary>
public sealed record Address(string Type, string Target, string TargetName, string Name, string Detail)
{
    public static readonly Address Empty = new("", "", "", "", "");

    /// <summary>
    /// The address types VoIPBIN knows (its common handler's address types); an empty type is
    /// allowed only with no target, or with an E.164 number, which is then a <c>tel</c> address.
    /// </summary>
    public static readonly IReadOnlyList<string> Types =
        ["agent", "ai", "ai_team", "conference", "email", "extension", "line", "sip", "tel", "web_session", "webchat", "whatsapp"];

    public const string Tel = "tel";

    public const int MaxPartLength = 255;
}
