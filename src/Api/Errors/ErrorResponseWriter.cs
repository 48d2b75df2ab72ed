using System.Text.Encodings.Web;
using System.Text.Json;
using AniPlanner.Api.Hosting;

namespace AniPlanner.Api.Errors;

/// <summary>The one place an error becomes a response body, in the envelope of its contract.</summary>
public static class ErrorResponseWriter
{
    /// <summary>Plain JSON for API clients: quotes and '+' in messages stay readable.</summary>
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static Task WriteAsync(HttpContext context, ApiError error)
    {
        context.Response.StatusCode = error.StatusCode;
        var envelope = new VoipbinErrorEnvelope(new VoipbinErrorBody(error.Status, error.Reason, error.Message, context.RequestId()));
        return context.Response.WriteAsJsonAsync(envelope, Json, context.RequestAborted);
    }

    /// <summary>The same body as an MVC result, for the places MVC wants an <see cref="IActionResult"/>.</summary>
    public static ObjectResult ToResult(HttpContext context, ApiError error) =>
        new(new VoipbinErrorEnvelope(new VoipbinErrorBody(error.Status, error.Reason, error.Message, context.RequestId())))
        {
            StatusCode = error.StatusCode,
            ContentTypes = { "application/json" },
        };
}
