using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using AniPlanner.Application.AniPlanning.ImportDials;

namespace AniPlanner.Api.AniPlanning;

/// <summary>
/// One NDJSON line read straight into a <see cref="DialInput"/> with a <see cref="Utf8JsonReader"/>:
/// no document is built, which on a bulk import was most of the time spent per row. Answers exactly
/// what reading the line as a <see cref="JsonDocument"/> answers: the whole line is checked before
/// any field is used (invalid JSON throws <see cref="JsonException"/>), a property named twice
/// counts with its last value, and fields are judged in the same order.
/// </summary>
internal static class NdjsonDialLine
{
    private const int CallId = 0;
    private const int Campaign = 1;
    private const int DialedAt = 2;
    private const int ProspectNumber = 3;
    private const int AniNumber = 4;
    private const int ProspectZip = 5;
    private const int Contacted = 6;

    private static readonly string[] Names = ["callId", "campaign", "dialedAt", "prospectNumber", "aniNumber", "prospectZip", "contacted"];

    public static DialInput Read(string line)
    {
        var rented = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(line.Length));
        try
        {
            var length = Encoding.UTF8.GetBytes(line, rented);
            return Read(rented.AsSpan(0, length));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    private static DialInput Read(ReadOnlySpan<byte> utf8)
    {
        var reader = new Utf8JsonReader(utf8, isFinalBlock: true, state: default);
        reader.Read();
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            ReadToEnd(ref reader);
            return new DialInput { ReadError = "A dial must be a JSON object." };
        }

        var fields = new Fields();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var index = FieldOf(ref reader);
            reader.Read();
            var value = ValueOf(ref reader, index);
            if (index >= 0)
            {
                fields[index] = value;
            }
        }

        ReadToEnd(ref reader);

        // From here on as the document reader judged the fields: contacted first, then each text in order.
        string? problem = null;
        var flag = fields[Contacted];
        bool? contacted = flag.Kind switch
        {
            ValueKind.True => true,
            ValueKind.False => false,
            _ => null,
        };
        if (contacted is null && flag.Kind != ValueKind.Absent)
        {
            problem = "contacted must be true or false.";
        }

        string? Text(in Field field, int index)
        {
            switch (field.Kind)
            {
                case ValueKind.Absent or ValueKind.Null:
                    return null;
                case ValueKind.String when field.TextError is { } notText:
                    // As reading the text of a document element fails (see DialBodyReader.TextOf).
                    throw notText.InnerException is DecoderFallbackException ? notText : DialBodyReader.NotUnicodeText(notText);
                case ValueKind.String:
                    return field.Text;
                case ValueKind.Number when index == CallId:
                    // Dialers often number their calls; a number is a fine call id.
                    return field.Text;
                default:
                    problem ??= $"{Names[index]} must be a string.";
                    return null;
            }
        }

        var input = new DialInput
        {
            CallId = Text(fields[CallId], CallId),
            Campaign = Text(fields[Campaign], Campaign),
            DialedAt = Text(fields[DialedAt], DialedAt),
            ProspectNumber = Text(fields[ProspectNumber], ProspectNumber),
            AniNumber = Text(fields[AniNumber], AniNumber),
            ProspectZip = Text(fields[ProspectZip], ProspectZip),
            Contacted = contacted,
        };
        return problem is null ? input : input with { ReadError = problem };
    }

    /// <summary>Reads past whatever is left: throws as the document reader would for anything after the value or a value cut short.</summary>
    private static void ReadToEnd(ref Utf8JsonReader reader)
    {
        while (reader.Read())
        {
        }
    }

    private static int FieldOf(ref Utf8JsonReader reader)
    {
        if (reader.ValueTextEquals("callId"u8))
        {
            return CallId;
        }

        if (reader.ValueTextEquals("campaign"u8))
        {
            return Campaign;
        }

        if (reader.ValueTextEquals("dialedAt"u8))
        {
            return DialedAt;
        }

        if (reader.ValueTextEquals("prospectNumber"u8))
        {
            return ProspectNumber;
        }

        if (reader.ValueTextEquals("aniNumber"u8))
        {
            return AniNumber;
        }

        if (reader.ValueTextEquals("prospectZip"u8))
        {
            return ProspectZip;
        }

        return reader.ValueTextEquals("contacted"u8) ? Contacted : -1;
    }

    /// <summary>The value the reader is on (a container is read past); its text only where a field could use it.</summary>
    private static Field ValueOf(ref Utf8JsonReader reader, int index)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String when index is >= CallId and < Contacted:
                try
                {
                    return new Field(ValueKind.String, reader.GetString(), null);
                }
                catch (InvalidOperationException notText)
                {
                    return new Field(ValueKind.String, null, notText);
                }

            case JsonTokenType.String:
                return new Field(ValueKind.String, null, null);
            case JsonTokenType.Number:
                return new Field(ValueKind.Number, index == CallId ? Encoding.UTF8.GetString(reader.ValueSpan) : null, null);
            case JsonTokenType.True:
                return new Field(ValueKind.True, null, null);
            case JsonTokenType.False:
                return new Field(ValueKind.False, null, null);
            case JsonTokenType.Null:
                return new Field(ValueKind.Null, null, null);
            default:
                reader.Skip();
                return new Field(ValueKind.Other, null, null);
        }
    }

    private enum ValueKind : byte
    {
        Absent,
        Null,
        String,
        Number,
        True,
        False,
        Other,
    }

    private readonly record struct Field(ValueKind Kind, string? Text, InvalidOperationException? TextError);

    /// <summary>The last value of each field, on the stack.</summary>
    [InlineArray(7)]
    private struct Fields
    {
        private Field _first;
    }
}
