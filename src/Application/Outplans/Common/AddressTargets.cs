using System.Text.RegularExpressions;
using AniPlanner.Application.Common.Phones;
using AniPlanner.Domain.Outplans;

namespace AniPlanner.Application.Outplans.Common;

/// <summary>
/// What each address type's target must be, checked as VoIPBIN checks it (phone numbers through
/// libphonenumber rather than a digit count): a phone number, an email address, a SIP
/// <c>user@domain</c>, or the id (a UUID) of the platform resource the type names.
/// </summary>
internal static partial class AddressTargets
{
    private enum Kind
    {
        PhoneNumber,
        Email,
        Sip,
        ResourceId,
    }

    private static readonly Dictionary<string, Kind> KindOf = new(StringComparer.Ordinal)
    {
        ["agent"] = Kind.ResourceId,
        ["ai"] = Kind.ResourceId,
        ["ai_team"] = Kind.ResourceId,
        ["conference"] = Kind.ResourceId,
        ["email"] = Kind.Email,
        ["extension"] = Kind.ResourceId,
        ["line"] = Kind.ResourceId,
        ["sip"] = Kind.Sip,
        ["tel"] = Kind.PhoneNumber,
        ["web_session"] = Kind.ResourceId,
        ["webchat"] = Kind.ResourceId,
        ["whatsapp"] = Kind.PhoneNumber,
    };

    /// <summary>The types a target can be checked for; a unit test holds them equal to <see cref="Address.Types"/>.</summary>
    public static IEnumerable<string> CheckedTypes => KindOf.Keys;

    public static bool IsKnownType(string type) => KindOf.ContainsKey(type);

    /// <summary>
    /// The type an address is stored with: as given, except that a target without one is a
    /// <c>tel</c> address when it is an E.164 number (VoIPBIN's CLI never sends a type).
    /// </summary>
    public static string EffectiveType(string? type, string? target) =>
        string.IsNullOrEmpty(type) && PhoneNumberRules.IsE164(target, out _) ? Address.Tel : type ?? "";

    /// <summary>What is wrong with a non-empty target of a known type, as the end of a sentence; null when nothing is.</summary>
    public static string? Problem(string type, string target) => KindOf[type] switch
    {
        Kind.PhoneNumber => PhoneNumberRules.IsE164(target, out var problem) ? null : problem,
        Kind.Email => EmailShape().IsMatch(target) ? null : "is not an email address (name@example.com)",
        Kind.Sip => SipShape().IsMatch(target) ? null : "is not a SIP address: user@domain, e.g. 2000@example.sip.voipbin.net",
        _ => Guid.TryParse(target, out var id) && id != Guid.Empty
            ? null
            : $"must be the id of the {type.Replace('_', ' ')} it names: a UUID such as 6f1b2a3c-4d5e-4f60-8a7b-9c0d1e2f3a4b",
    };

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+$")]
    private static partial Regex EmailShape();

    [GeneratedRegex(@"^(?:sips?:)?[^@\s]+@[^@\s]+$")]
    private static partial Regex SipShape();
}
