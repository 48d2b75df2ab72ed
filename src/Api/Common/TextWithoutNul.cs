using System.Text.Json;
using System.Text.Json.Serialization;

namespace AniPlanner.Api.Common;

/// <summary>
/// Reads JSON strings, refusing any that holds a NUL character (\u0000): no name, identifier,
/// number or password here is made of one, and PostgreSQL cannot store it, so one request would
/// be stored on SQLite and fail on PostgreSQL. Refused at the edge, every database answers alike.
/// A string that is not Unicode text at all is refused as such (<see cref="NotUnicodeTextException"/>).
/// </summary>
public sealed class TextWithoutNulConverter : JsonConverter<string>
{
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = ReadText(ref reader);
        return text is not null && text.Contains('\0', StringComparison.Ordinal)
            ? throw new NulInTextException()
            : text;
    }

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);

    /// <summary>
    /// On a string token the reader only fails when the text cannot be decoded; on any other token
    /// its failure is a value of the wrong type, left to the serializer to report as such.
    /// </summary>
    private static string? ReadText(ref Utf8JsonReader reader)
    {
        try
        {
            return reader.GetString();
        }
        catch (InvalidOperationException notText) when (reader.TokenType == JsonTokenType.String)
        {
            throw new NotUnicodeTextException(notText);
        }
    }
}

/// <summary>A JSON string holding a NUL character; the serializer adds where (its Path).</summary>
public sealed class NulInTextException() : JsonException("A string holds a NUL character (\\u0000).");

/// <summary>
/// A JSON string that is not Unicode text: an escaped lone surrogate (\ud800), or bytes that are not
/// UTF-8 (the decoder's exception stays inside). The serializer adds where (its Path).
/// </summary>
public sealed class NotUnicodeTextException(InvalidOperationException cause)
    : JsonException("A string is not valid Unicode text.", cause);
