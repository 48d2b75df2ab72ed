using AniPlanner.Application.Common.Text;
using Microsoft.Net.Http.Headers;

namespace AniPlanner.Api.Errors;

/// <summary>
/// Endpoint metadata for an action that reads its body by hand, in formats of its own: what a
/// caller whose body it cannot read (415) is told to send instead.
/// </summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class AcceptedBodiesAttribute(string whatToSend) : Attribute
{
    public string WhatToSend { get; } = whatToSend;
}

/// <summary>
/// The 415 for a body the service cannot read: what was sent, and what to send instead. Every
/// body is UTF-8 (RFC 8259 requires it of JSON; dial files are read as UTF-8 too), so a
/// charset, when given, must say so.
/// </summary>
public static class UnsupportedMediaType
{
    private const string SendJson = "Send the body as UTF-8 JSON, with Content-Type application/json";

    public static ApiError For(HttpContext context)
    {
        var request = context.Request;
        var sent = string.IsNullOrEmpty(request.ContentType)
            ? "The request has no Content-Type."
            : $"Content-Type '{EchoedInput.Shorten(request.ContentType)}' is not accepted here.";
        return ApiError.UnsupportedMediaType($"{sent} {WhatToSend(context)} (a charset, if given, must be utf-8).");
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

    /// <summary>
    /// The endpoint's own advice, or JSON. When routing refused the content type (its 415
    /// endpoint carries no metadata), the advice of the endpoint at this path that refused it.
    /// </summary>
    private static string WhatToSend(HttpContext context) =>
        AdviceOf(RegisteredEndpoints.Answering(context)?.Metadata ?? [])
        ?? RegisteredEndpoints.Of(context)?.At(context.Request.Path).Select(AdviceOf).FirstOrDefault(advice => advice is not null)
        ?? SendJson;

    private static string? AdviceOf(IEnumerable<object> metadata) => metadata.OfType<AcceptedBodiesAttribute>().LastOrDefault()?.WhatToSend;
}
