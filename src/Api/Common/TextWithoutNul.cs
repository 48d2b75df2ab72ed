using System.Text.Json;
using System.Text.Json.Serialization;

namespace AniPlanner.Api.Common;

/// <summary>
/// Reads JSON strings, refusing any that holds a NUL character (\u0000): no name, identifier,
/// number or password here is made of one, and PostgreSQL cannot store it, so one request would
/// be stored on SQLite and fail on PostgreSQL. Refused at the edge, every database answers alike.
/// </summary>
public sealed class TextWithoutNulConverter : JsonConverter<string>
{
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.GetString();
        return text is not null && text.Contains('\0', StringComparison.Ordinal)
            ? throw new NulInTextException()
            : text;
    }

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}

/// <summary>A JSON string holding a NUL character; the serializer adds where (its Path).</summary>
public sealed class NulInTextException() : JsonException("A string holds a NUL character (\\u0000).");
