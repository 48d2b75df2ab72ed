using AniPlanner.Application.Common.Text;

namespace AniPlanner.Application.Common.Exceptions;

/// <summary>
/// The <c>reason</c> of every error answer: an UPPER_SNAKE code a program branches on, so each is
/// named once here and the OpenAPI document lists them all (a new one is a contract change).
/// </summary>
public static class ErrorReasons
{
    // The request
    public const string InvalidArgument = "INVALID_ARGUMENT";
    public const string ValidationFailed = "VALIDATION_FAILED";
    public const string InvalidJsonBody = "INVALID_JSON_BODY";
    public const string InvalidFieldType = "INVALID_FIELD_TYPE";
    public const string InvalidId = "INVALID_ID";
    public const string BadRequest = "BAD_REQUEST";
    public const string PayloadTooLarge = "PAYLOAD_TOO_LARGE";
    public const string UnsupportedMediaType = "UNSUPPORTED_MEDIA_TYPE";
    public const string RouteNotFound = "ROUTE_NOT_FOUND";
    public const string MethodNotAllowed = "METHOD_NOT_ALLOWED";

    // The caller
    public const string AuthenticationRequired = "AUTHENTICATION_REQUIRED";
    public const string InvalidCredentials = "INVALID_CREDENTIALS";
    public const string PermissionDenied = "PERMISSION_DENIED";
    public const string TooManyRequests = "TOO_MANY_REQUESTS";
    public const string RateLimited = "RATE_LIMITED";

    // The resources
    public const string OutplanNotFound = "OUTPLAN_NOT_FOUND";
    public const string AccessKeyNotFound = "ACCESSKEY_NOT_FOUND";
    public const string CustomerNotFound = "CUSTOMER_NOT_FOUND";
    public const string UserNotFound = "USER_NOT_FOUND";
    public const string DispositionNotFound = "DISPOSITION_NOT_FOUND";
    public const string ConcurrentUpdate = "CONCURRENT_UPDATE";

    // The service
    public const string DatabaseBusy = "DATABASE_BUSY";
    public const string ShuttingDown = "SHUTTING_DOWN";
    public const string InternalError = "INTERNAL_ERROR";

    /// <summary>Every reason, for the OpenAPI document.</summary>
    public static IReadOnlyList<string> All { get; } = WireConstants.Of(typeof(ErrorReasons));
}
