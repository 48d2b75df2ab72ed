using System.Reflection;

namespace AniPlanner.Application.Common.Wire;

/// <summary>
/// An enum as the wire spells it: each member's name in lower case ("admin", "outbound"),
/// matched exactly. <see cref="Names"/> keeps declaration order, so error messages list the
/// values in the order the enum gives them.
/// </summary>
public static class WireEnum<TEnum>
    where TEnum : struct, Enum
{
    // Fields come in declaration order; Enum.GetNames would sort them by value.
    private static readonly FieldInfo[] Members = typeof(TEnum).GetFields(BindingFlags.Public | BindingFlags.Static);

    private static readonly Dictionary<string, TEnum> ByName =
        Members.ToDictionary(member => member.Name.ToLowerInvariant(), member => (TEnum)member.GetValue(null)!, StringComparer.Ordinal);

    public static IReadOnlyList<string> Names { get; } = [.. Members.Select(member => member.Name.ToLowerInvariant())];

    /// <summary>The names quoted and joined, for "must be one of ..." messages.</summary>
    public static string Quoted { get; } = string.Join(", ", Names.Select(name => $"\"{name}\""));

    public static bool TryParse(string? wire, out TEnum value) => ByName.TryGetValue(wire ?? "", out value);

    /// <summary>For values a validator has already accepted.</summary>
    public static TEnum Parse(string wire) =>
        TryParse(wire, out var value) ? value : throw new ArgumentException($"'{wire}' is not one of {Quoted}.", nameof(wire));
}

public static class WireEnumExtensions
{
    public static string ToWire<TEnum>(this TEnum value)
        where TEnum : struct, Enum => value.ToString().ToLowerInvariant();
}
