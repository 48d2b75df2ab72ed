using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using AniPlanner.Api.Common;
using AniPlanner.Application.Common.Text;

namespace AniPlanner.Api.Errors;

/// <summary>
/// The one place an error becomes a response, in the envelope of its contract (see
/// <see cref="ErrorContracts"/>): VoIPBIN's <c>{"error": {...}}</c> everywhere, the ANI
/// Planner's <c>{"success": false, "message"}</c> on its own endpoints.
/// </summary>
public static class ErrorResponseWriter
{
    /// <summary>Plain JSON for API clients: quotes and '+' in messages stay readable.</summary>
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static Task WriteAsync(HttpContext context, ApiError error)
    {
        context.Response.StatusCode = error.StatusCode;
        if (error.RetryAfterSeconds is { } seconds)
        {
            context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        }

        return context.Response.WriteAsJsonAsync(Envelope(context, error), Json, context.RequestAborted);
    }

    /// <summary>The same body as an MVC result, for the places MVC wants an <see cref="IActionResult"/>.</summary>
    public static ObjectResult ToResult(HttpContext context, ApiError error) =>
        new(Envelope(context, error))
        {
            StatusCode = error.StatusCode,
            ContentTypes = { "application/json" },
        };

    /// <summary>
    /// The longest message written: each echoed value is already cut (EchoedInput), this bounds
    /// a message that lists many of them (a thousand unknown campaigns).
    /// </summary>
    public const int MaxMessageLength = 2_000;

    private static object Envelope(HttpContext context, ApiError error)
    {
        var message = error.Message.Length <= MaxMessageLength ? error.Message : EchoedInput.Cut(error.Message, MaxMessageLength);
        return ErrorContracts.Envelope(ErrorContracts.Of(context), error, message, context.RequestId());
    }
}
