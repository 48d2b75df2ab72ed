using AniPlanner.Api.AniPlanning;
using AniPlanner.Application.Common.Text;
using Microsoft.Net.Http.Headers;

namespace AniPlanner.Api.Errors;

/// <summary>
/// The 415 for a body the service cannot read: what was sent, and what to send instead. Every
/// body is UTF-8 (RFC 8259 requires it of JSON; dial files are read as UTF-8 too), so a
/// charset, when given, must say so.
/// </summary>
public static class UnsupportedMediaType
{
    public static ApiError For(HttpRequest request)
    {
        var sent = string.IsNullOrEmpty(request.ContentType)
            ? "The request has no Content-Type."
            : $"Content-Type '{EchoedInput.Shorten(request.ContentType)}' is not accepted here.";
        var toSend = IsDialImport(request)
            ? $"Send dials as UTF-8, with Content-Type {DialBodyReader.Json} (a JSON array), {DialBodyReader.Ndjson} or {DialBodyReader.Csv}"
            : "Send the body as UTF-8 JSON, with Content-Type application/json";
        return ApiError.BadRequest("UNSUPPORTED_MEDIA_TYPE", $"{sent} {toSend} (a charset, if given, must be utf-8).") with
        {
            StatusCode = StatusCodes.Status415UnsupportedMediaType,
        };
    }

    /// <summary>Whether the content type parses and names no charset but UTF-8 (in any spelling .NET knows, quoted or not).</summary>
    public static bool IsUtf8(string? contentType)
    {
        if (!MediaTypeHeaderValue.TryParse(contentType, out var parsed))
        {
            return false;
        }

        var charset = HeaderUtilities.RemoveQuotes(parsed.Charset);
        if (charset.Length == 0)
        {
            // "charset=" with nothing after it says nothing we can read: refused like an unknown one.
            return !parsed.Parameters.Any(parameter => parameter.Name.Equals("charset", StringComparison.OrdinalIgnoreCase));
        }

        try
        {
            return System.Text.Encoding.GetEncoding(charset.ToString()).WebName == "utf-8";
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static bool IsDialImport(HttpRequest request) =>
        request.Path.Value?.TrimEnd('/').EndsWith("/dials", StringComparison.OrdinalIgnoreCase) == true;
}
