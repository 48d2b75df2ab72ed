using System.Text.Json.Serialization;
using AniPlanner.Application.Common.Exceptions;
using AniPlanner.Application.Common.Text;

namespace AniPlanner.Api.Errors;

/// <summary>
/// One error answer, before it is put in a contract's envelope. <see cref="Status"/> is VoIPBIN's
/// status word; <see cref="Reason"/> an UPPER_SNAKE code a program can branch on;
/// <see cref="Message"/> what a person should do about it. Made by the factories below, one per
/// kind of answer, so a status always comes with its status word.
/// </summary>
public sealed record ApiError(int StatusCode, string Status, string Reason, string Message)
{
    /// <summary>When set, the answer says how many seconds to wait before sending the request again (Retry-After).</summary>
    public int? RetryAfterSeconds { get; init; }

    /// <summary>The caller's fault, with its own 4xx status (a body too large, a method the route does not take).</summary>
    public static ApiError ClientError(int statusCode, string reason, string message) => new(statusCode, StatusWords.InvalidArgument, reason, message);

    public static ApiError BadRequest(string reason, string message) => ClientError(StatusCodes.Status400BadRequest, reason, message);

    public static ApiError PayloadTooLarge(string message) => ClientError(StatusCodes.Status413PayloadTooLarge, ErrorReasons.PayloadTooLarge, message);

    public static ApiError UnsupportedMediaType(string message) => ClientError(StatusCodes.Status415UnsupportedMediaType, ErrorReasons.UnsupportedMediaType, message);

    public static ApiError Unauthenticated(string reason, string message) => new(StatusCodes.Status401Unauthorized, StatusWords.Unauthenticated, reason, message);

    public static ApiError Forbidden(string reason, string message) => new(StatusCodes.Status403Forbidden, StatusWords.PermissionDenied, reason, message);

    public static ApiError NotFound(string reason, string message) => new(StatusCodes.Status404NotFound, StatusWords.NotFound, reason, message);

    /// <summary>Lost a race with another request; nothing was stored, so it may be sent again.</summary>
    public static ApiError Conflict(string reason, string message) => new(StatusCodes.Status409Conflict, StatusWords.Aborted, reason, message);

    public static ApiError TooManyRequests(string reason, string message, int retryAfterSeconds) =>
        new(StatusCodes.Status429TooManyRequests, StatusWords.ResourceExhausted, reason, message) { RetryAfterSeconds = retryAfterSeconds };

    /// <summary>Our failure, with its own 5xx status; the message says nothing of what failed.</summary>
    public static ApiError ServerError(int statusCode, string message) => new(statusCode, StatusWords.Internal, ErrorReasons.InternalError, message);

    /// <summary>Not served now (the database busy, the service stopping); the same request may succeed after the wait.</summary>
    public static ApiError Unavailable(string reason, string message, int retryAfterSeconds) =>
        new(StatusCodes.Status503ServiceUnavailable, StatusWords.Unavailable, reason, message) { RetryAfterSeconds = retryAfterSeconds };
}

/// <summary>VoIPBIN's status words: the <c>status</c> of an error, one per kind of answer.</summary>
public static class StatusWords
{
    public const string InvalidArgument = "INVALID_ARGUMENT";
    public const string Unauthenticated = "UNAUTHENTICATED";
    public const string PermissionDenied = "PERMISSION_DENIED";
    public const string NotFound = "NOT_FOUND";
    public const string Aborted = "ABORTED";
    public const string ResourceExhausted = "RESOURCE_EXHAUSTED";
    public const string Internal = "INTERNAL";
    public const string Unavailable = "UNAVAILABLE";

    /// <summary>Every status word, for the OpenAPI document.</summary>
    public static IReadOnlyList<string> All { get; } = WireConstants.Of(typeof(StatusWords));
}

/// <summary><c>{"error": {...}}</c>: VoIPBIN's current error envelope on <c>/v1.0</c>.</summary>
public sealed record VoipbinErrorEnvelope([property: JsonPropertyName("error")] VoipbinErrorBody Error)
{
    public static VoipbinErrorEnvelope Of(ApiError error, string message, string requestId) =>
        new(new VoipbinErrorBody(error.Status, error.Reason, message, requestId));
}

public sealed record VoipbinErrorBody(
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("reason")] string Reason,
    [property: JsonPropertyName("message")] string Message,
    [property: JsonPropertyName("request_id")] string RequestId);

/// <summary><c>{"success": false, "message": "..."}</c>: the ANI Planner's failure envelope.</summary>
public sealed record AniPlannerFailure([property: JsonPropertyName("message")] string Message)
{
    [JsonPropertyName("success")]
    [JsonPropertyOrder(-1)]
    public bool Success => false;
}
