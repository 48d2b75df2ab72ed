using System.Text.Json.Serialization;

namespace AniPlanner.Api.Errors;

/// <summary>
/// One error answer, before it is put in a contract's envelope. <see cref="Status"/> is VoIPBIN's
/// status word; <see cref="Reason"/> an UPPER_SNAKE code a program can branch on;
/// <see cref="Message"/> what a person should do about it.
/// </summary>
public sealed record ApiError(int StatusCode, string Status, string Reason, string Message)
{
    public static ApiError BadRequest(string reason, string message) => new(StatusCodes.Status400BadRequest, "INVALID_ARGUMENT", reason, message);

    public static ApiError Unauthenticated(string reason, string message) => new(StatusCodes.Status401Unauthorized, "UNAUTHENTICATED", reason, message);

    public static ApiError Forbidden(string reason, string message) => new(StatusCodes.Status403Forbidden, "PERMISSION_DENIED", reason, message);

    public static ApiError NotFound(string reason, string message) => new(StatusCodes.Status404NotFound, "NOT_FOUND", reason, message);
}

/// <summary><c>{"error": {...}}</c>: VoIPBIN's current error envelope on <c>/v1.0</c>.</summary>
public sealed record VoipbinErrorEnvelope([property: JsonPropertyName("error")] VoipbinErrorBody Error);

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
