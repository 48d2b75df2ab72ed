using System.IO.Pipelines;
using System.Runtime.CompilerServices;
using System.Text.Json;
using AniPlanner.Application.AniPlanning.ImportDialerRecords;
using AniPlanner.Application.AniPlanning.ImportDials;
using AniPlanner.Application.Common.Exceptions;

namespace AniPlanner.Api.AniPlanning;

/// <summary>
/// Streams dialer records (<c>POST /dials</c>) out of a request body: one JSON object, a JSON
/// array of them, or NDJSON, read as <see cref="DialBodyReader"/> reads the ANI Planner's own
/// records (nothing but the current record held, none longer than DialImport:MaxRowLength).
/// </summary>
public static class DialerBodyReader
{
    /// <summary>What a caller whose body this reader cannot read is told to send (415).</summary>
    public const string WhatToSend =
        $"Send dial records as UTF-8, with Content-Type {DialBodyReader.Json} (one record, or a JSON array of them) or {DialBodyReader.Ndjson}";

    /// <summary>Null when the content type is neither.</summary>
    public static IAsyncEnumerable<DialerRecord>? Read(HttpRequest request, DialImportOptions limits, CancellationToken cancellationToken) =>
        DialBodyReader.MediaTypeOf(request) switch
        {
            DialBodyReader.Json => ReadJson(request.BodyReader, limits.MaxRowLength, cancellationToken),
            DialBodyReader.Ndjson => DialBodyReader.ReadNdjson(
                request.Body, limits.MaxRowLength, ReadLine, error => new DialerRecord { ReadError = error }, cancellationToken),
            _ => null,
        };

    /// <summary>An array streams element by element; a single record is read whole (bounded like an array element).</summary>
    private static async IAsyncEnumerable<DialerRecord> ReadJson(PipeReader body, int maxRowLength, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var first = await FirstSignificantByteAsync(body, cancellationToken);
        if (first == '[')
        {
            await foreach (var record in DialBodyReader.ReadJsonArray(body.AsStream(), maxRowLength, FromJson, cancellationToken))
            {
                yield return record;
            }

            yield break;
        }

        if (first != '{')
        {
            throw new BadHttpRequestException(first < 0
                ? "The request body is empty: send a dial record (a JSON object) or a JSON array of them."
                : "The request body must be a dial record (a JSON object) or a JSON array of them.");
        }

        JsonElement element;
        try
        {
            element = await JsonSerializer.DeserializeAsync<JsonElement>(new RowLengthGuardStream(body.AsStream(), maxRowLength, slack: 0), cancellationToken: cancellationToken);
        }
        catch (JsonException notJson)
        {
            throw new InvalidJsonBodyException($"The request body is not valid JSON: {DialBodyReader.WithoutLocation(notJson)}", notJson);
        }

        yield return FromJson(element);
    }

    /// <summary>The body's first byte that is not white space, left unread; -1 for an empty body.</summary>
    private static async Task<int> FirstSignificantByteAsync(PipeReader body, CancellationToken cancellationToken)
    {
        while (true)
        {
            var read = await body.ReadAsync(cancellationToken);
            var buffer = read.Buffer;
            var position = 0L;
            foreach (var segment in buffer)
            {
                foreach (var value in segment.Span)
                {
                    if (value is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
                    {
                        body.AdvanceTo(buffer.GetPosition(position));
                        return value;
                    }

                    position++;
                }
            }

            // All white space so far: let it go and wait for more.
            body.AdvanceTo(buffer.End);
            if (read.IsCompleted)
            {
                return -1;
            }
        }
    }

    private static DialerRecord ReadLine(string line)
    {
        using var document = JsonDocument.Parse(line);
        return FromJson(document.RootElement);
    }

    /// <summary>A dialer record from a parsed JSON value. Ids and ZIPs may come as numbers; the ignored fields are not looked at.</summary>
    internal static DialerRecord FromJson(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return new DialerRecord { ReadError = "A dial record must be a JSON object." };
        }

        string? problem = null;
        string? Text(string name, bool numberAllowed = false) =>
            DialBodyReader.FieldText(element, name, numberAllowed, ref problem, numberAllowed ? "a string or a number" : "a string");

        var record = new DialerRecord
        {
            DialId = Text("dial_id", numberAllowed: true),
            CampaignId = Text("campaign_id", numberAllowed: true),
            CampaignName = Text("campaign_name"),
            Ani = Text("ani", numberAllowed: true),
            DispositionName = Text("disposition_name"),
            ProspectPhone = Text("prospect_phone", numberAllowed: true),
            DateTime = Text("datetime"),
            CallDirection = Text("call_direction"),
            Zip = Text("zip", numberAllowed: true),
        };
        return problem is null ? record : record with { ReadError = problem };
    }
}
