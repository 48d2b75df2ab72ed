using System.Text.Json.Serialization.Metadata;

namespace AniPlanner.Api.Errors;

/// <summary>
/// What a body type declares at a JSON path as System.Text.Json writes it into an exception's Path
/// (<c>$.source.target</c>, <c>$[0].managed</c>), walked through the serializer's own contract: its
/// property names are exactly the ones it matched while reading.
/// </summary>
internal static class JsonBodyPath
{
    /// <summary>The contract of the value at <paramref name="path"/>, or null where the body declares none.</summary>
    public static JsonTypeInfo? TypeAt(JsonTypeInfo body, string path)
    {
        if (!path.StartsWith('$'))
        {
            return null;
        }

        JsonTypeInfo? type = body;
        for (var at = 1; at < path.Length && type is not null;)
        {
            var end = path.IndexOfAny(['.', '['], at + 1);
            end = end < 0 ? path.Length : end;
            type = path[at] switch
            {
                '.' => Property(type, path[(at + 1)..end]),
                // "[0]"; a name written "['a b']" is not one the contracts here declare.
                '[' when path[end - 1] == ']' && int.TryParse(path.AsSpan(at + 1, end - at - 2), out _) => Element(type),
                _ => null,
            };
            at = end;
        }

        return type;
    }

    private static JsonTypeInfo? Property(JsonTypeInfo type, string name)
    {
        // The serializer's own order: an exact match first, then any case if the options allow it.
        var property = type.Properties.FirstOrDefault(candidate => candidate.Name == name)
            ?? (type.Options.PropertyNameCaseInsensitive
                ? type.Properties.FirstOrDefault(candidate => string.Equals(candidate.Name, name, StringComparison.OrdinalIgnoreCase))
                : null);
        return property is null ? null : Contract(type, property.PropertyType);
    }

    private static JsonTypeInfo? Element(JsonTypeInfo type) =>
        type is { Kind: JsonTypeInfoKind.Enumerable, ElementType: { } element } ? Contract(type, element) : null;

    // A nullable struct is read as the struct it holds.
    private static JsonTypeInfo Contract(JsonTypeInfo parent, Type type) =>
        parent.Options.GetTypeInfo(Nullable.GetUnderlyingType(type) ?? type);
}
