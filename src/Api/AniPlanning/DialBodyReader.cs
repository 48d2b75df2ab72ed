using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using AniPlanner.Application.AniPlanning.ImportDials;
using AniPlanner.Application.Common.Exceptions;
using AniPlanner.Application.Common.Text;
using Microsoft.Net.Http.Headers;

namespace AniPlanner.Api.AniPlanning;

/// <summary>
/// Streams dial records out of a request body, one at a time, in any of the three accepted
/// formats: a JSON array, NDJSON, or CSV with a header row. Nothing but the current row is held.
/// A row that cannot be read becomes a <see cref="DialInput.ReadError"/> so it is rejected with
/// its index; only a JSON array that breaks off stops the whole request. No row is held beyond
/// <see cref="DialImportOptions.MaxRowLength"/>: a longer NDJSON line is rejected on its own, a
/// longer CSV record or JSON element refuses the request with 413 (where the next row starts
/// cannot be told).
/// </summary>
public static class DialBodyReader
{
    public const string Json = "application/json";
    public const string Ndjson = "application/x-ndjson";
    public const string Csv = "text/csv";

    /// <summary>What a caller whose body this reader cannot read is told to send (415).</summary>
    public const string WhatToSend = $"Send dials as UTF-8, with Content-Type {Json} (a JSON array), {Ndjson} or {Csv}";

    /// <summary>What the JSON reader asks of the body at a time.</summary>
    private const int JsonReadBufferSize = 16 * 1024;

    /// <summary>The fields every dial record has (a CSV header names them all); prospectZip may be added.</summary>
    public static readonly IReadOnlyList<string> RequiredColumns = ["callId", "campaign", "dialedAt", "prospectNumber", "aniNumber", "contacted"];

    /// <summary>Null when the content type is none of the three.</summary>
    public static IAsyncEnumerable<DialInput>? Read(HttpRequest request, DialImportOptions limits, CancellationToken cancellationToken)
    {
        return MediaTypeOf(request) switch
        {
            Json => ReadJsonArray(request.Body, limits.MaxRowLength, FromJson, cancellationToken),
            Ndjson => ReadNdjson(request.Body, limits.MaxRowLength, NdjsonDialLine.Read, error => new DialInput { ReadError = error }, cancellationToken),
            Csv => ReadCsv(request.Body, limits.MaxRowLength, cancellationToken),
            _ => null,
        };
    }

    /// <summary>The request's media type in lower case, null when it has none that parses.</summary>
    internal static string? MediaTypeOf(HttpRequest request) =>
        MediaTypeHeaderValue.TryParse(request.ContentType, out var parsed) ? parsed.MediaType.Value?.ToLowerInvariant() : null;

    /// <summary>The elements of a JSON array body, each read by <paramref name="read"/>, one at a time.</summary>
    internal static async IAsyncEnumerable<T> ReadJsonArray<T>(
        Stream body, int maxRowLength, Func<JsonElement, T> read, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // The serializer buffers an element until it is complete; the guard stops the reading
        // once more than a row's worth (plus one buffer) arrives without a complete element.
        var guarded = new RowLengthGuardStream(body, maxRowLength, slack: JsonReadBufferSize);
        var options = new JsonSerializerOptions { DefaultBufferSize = JsonReadBufferSize };
        var elements = JsonSerializer.DeserializeAsyncEnumerable<JsonElement>(guarded, topLevelValues: false, options, cancellationToken);
        await foreach (var element in Translated(elements, NotAJsonArray, cancellationToken))
        {
            guarded.RowEnded();
            yield return read(element);
        }
    }

    /// <summary>
    /// What the serializer threw, as the request's fault. It refuses a top-level value that is not
    /// an array by itself (no inner exception); a syntax error carries the reader's exception inside.
    /// </summary>
    internal static InvalidJsonBodyException? NotAJsonArray(Exception failure) => failure switch
    {
        JsonException { InnerException: null } notArray => new("The request body must be a JSON array.", notArray),
        JsonException notJson => new($"The request body is not valid JSON: {WithoutLocation(notJson)}", notJson),
        _ => null,
    };

    /// <summary>The serializer's description of a JSON error, without the location it appends (" Path: $ | LineNumber: ...").</summary>
    internal static string WithoutLocation(JsonException exception) => exception.Message.Split(" Path:")[0];

    /// <summary>The lines of an NDJSON body, each read by <paramref name="read"/>; a line that cannot be read becomes <paramref name="unreadable"/>'s row.</summary>
    internal static async IAsyncEnumerable<T> ReadNdjson<T>(
        Stream body, int maxRowLength, Func<string, T> read, Func<string, T> unreadable, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(body);
        var lines = new BoundedLineReader(reader, maxRowLength);
        while (await lines.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.TooLong)
            {
                yield return unreadable($"This line is longer than {maxRowLength} characters (DialImport:MaxRowLength); a dial takes a few hundred.");
                continue;
            }

            if (string.IsNullOrWhiteSpace(line.Text))
            {
                continue;
            }

            T input;
            try
            {
                input = read(line.Text);
            }
            catch (JsonException exception)
            {
                input = unreadable($"This line is not valid JSON ({WithoutLocation(exception)}).");
            }

            yield return input;
        }
    }

    private static IAsyncEnumerable<DialInput> ReadCsv(Stream body, int maxRowLength, CancellationToken cancellationToken) =>
        Translated(ReadCsvRecords(body, maxRowLength, cancellationToken), OverlongRecord, cancellationToken);

    private static BadHttpRequestException? OverlongRecord(Exception failure) => failure is CsvRecordTooLongException tooLong
        ? new($"{tooLong.Message} Nothing of this request was stored; DialImport:MaxRowLength sets the limit.", StatusCodes.Status413PayloadTooLarge)
        : null;

    /// <summary>The items as read, where reading fails with what <paramref name="translate"/> makes of the failure (itself when null).</summary>
    private static async IAsyncEnumerable<T> Translated<T>(
        IAsyncEnumerable<T> items, Func<Exception, Exception?> translate, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var enumerator = items.GetAsyncEnumerator(cancellationToken);
        while (true)
        {
            try
            {
                if (!await enumerator.MoveNextAsync())
                {
                    yield break;
                }
            }
            catch (Exception failure) when (translate(failure) is { } translated)
            {
                throw translated;
            }

            yield return enumerator.Current;
        }
    }

    private static async IAsyncEnumerable<DialInput> ReadCsvRecords(Stream body, int maxRowLength, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(body);
        var csv = new CsvReader(reader, maxRowLength);
        var header = await csv.ReadRecordAsync(cancellationToken)
            ?? throw new BadHttpRequestException("The CSV body is empty: send a header row, then one dial per row.");
        var columns = header.Select((name, index) => (Name: name.Trim(), Index: index))
            .GroupBy(column => column.Name, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(group => group.Key, group => group.First().Index, StringComparer.OrdinalIgnoreCase);
        var missing = RequiredColumns.Where(column => !columns.ContainsKey(column)).ToList();
        if (missing.Count > 0)
        {
            throw new BadHttpRequestException(
                $"The CSV header lacks {string.Join(", ", missing)}; it needs {string.Join(", ", RequiredColumns)} and may have prospectZip.");
        }

        while (await csv.ReadRecordAsync(cancellationToken) is { } record)
        {
            if (record.Count == 1 && record[0].Length == 0)
            {
                continue;
            }

            if (record.Count != header.Count)
            {
                yield return new DialInput { ReadError = $"This row has {record.Count} fields; the header has {header.Count}." };
                continue;
            }

            string? Field(string name) => columns.TryGetValue(name, out var index) ? record[index].Trim() : null;
            var contacted = Field("contacted")?.ToLowerInvariant() switch
            {
                "true" or "1" or "yes" => true,
                "false" or "0" or "no" => false,
                _ => (bool?)null,
            };
            var input = Build(Field, contacted);
            yield return contacted is null ? input with { ReadError = $"contacted '{EchoedInput.Shorten(Field("contacted"))}' must be true or false." } : input;
        }
    }

    /// <summary>A dial from a parsed JSON value (JSON array elements; NDJSON lines go through <see cref="NdjsonDialLine"/>, which answers the same).</summary>
    internal static DialInput FromJson(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return new DialInput { ReadError = "A dial must be a JSON object." };
        }

        string? problem = null;

        // Dialers often number their calls; a number is a fine call id.
        string? Text(string name) => FieldText(element, name, numberAllowed: name == "callId", ref problem);

        bool? contacted = element.TryGetProperty("contacted", out var flag) ? flag.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => null,
        } : null;
        if (contacted is null && element.TryGetProperty("contacted", out _))
        {
            problem ??= "contacted must be true or false.";
        }

        var input = Build(Text, contacted);
        return problem is null ? input : input with { ReadError = problem };
    }

    /// <summary>
    /// A record's field as text: null when it is missing or null, a string's text, a number's digits
    /// where <paramref name="numberAllowed"/>. Any other value is null, and the first such field of
    /// the record is its <paramref name="problem"/>, said as what the field must be.
    /// </summary>
    internal static string? FieldText(JsonElement record, string name, bool numberAllowed, ref string? problem, string expected = "a string")
    {
        if (!record.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.String)
        {
            return TextOf(value);
        }

        if (numberAllowed && value.ValueKind == JsonValueKind.Number)
        {
            return value.GetRawText();
        }

        problem ??= $"{name} must be {expected}.";
        return null;
    }

    /// <summary>
    /// A JSON string's text. An escape that is not Unicode text (half a surrogate pair) refuses the
    /// whole body; bytes that are not UTF-8 fail with the decoder's own exception inside, which the
    /// exception handler answers as a body in the wrong character set.
    /// </summary>
    private static string? TextOf(JsonElement value)
    {
        try
        {
            return value.GetString();
        }
        catch (InvalidOperationException notText) when (notText.InnerException is not DecoderFallbackException)
        {
            throw NotUnicodeText(notText);
        }
    }

    /// <summary>The answer to a JSON string escape that is not Unicode text, whichever reader found it.</summary>
    internal static InvalidJsonBodyException NotUnicodeText(Exception failure) =>
        new("The request body holds a string that is not valid Unicode text (a lone surrogate escape such as \\ud800).", failure);

    /// <summary>A row from its fields, whatever format they were read from.</summary>
    private static DialInput Build(Func<string, string?> field, bool? contacted) => new()
    {
        CallId = field("callId"),
        Campaign = field("campaign"),
        DialedAt = field("dialedAt"),
        ProspectNumber = field("prospectNumber"),
        AniNumber = field("aniNumber"),
        ProspectZip = field("prospectZip"),
        Contacted = contacted,
    };
}
