using AniPlanner.Application.Common.Exceptions;
using AniPlanner.Application.Identity.Common;
using AniPlanner.Domain.Common;
using System.Text.Json;
using FluentValidation;
using Microsoft.AspNetCore.Diagnostics;
using AniPlanner.Infrastructure.Persistence;

namespace AniPlanner.Api.Errors;

/// <summary>Maps what handlers throw to statuses and envelopes; anything unexpected is a logged 500.</summary>
public sealed partial class ApiExceptionHandler(ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    private const int DatabaseBusyRetryAfterSeconds = 5;

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var error = exception switch
        {
            ValidationException validation => ApiError.BadRequest(
                "VALIDATION_FAILED", string.Join(" ", validation.Errors.Select(failure => failure.ErrorMessage).Distinct())),
            InvalidIdException invalidId => ApiError.BadRequest("INVALID_ID", invalidId.Message),
            BadRequestException badRequest => ApiError.BadRequest("INVALID_ARGUMENT", badRequest.Message),
            JsonException { Path: "$" } json when json.Message.Contains("could not be converted", StringComparison.Ordinal) =>
                ApiError.BadRequest("INVALID_JSON_BODY", "The request body must be a JSON array."),
            JsonException json => ApiError.BadRequest("INVALID_JSON_BODY", $"The request body is not valid JSON: {json.Message.Split(" Path:")[0]}"),
            UnauthenticatedException unauthenticated => ApiError.Unauthenticated(unauthenticated.Reason, unauthenticated.Message),
            TooManyRequestsException tooMany => new ApiError(StatusCodes.Status429TooManyRequests, "RESOURCE_EXHAUSTED", "TOO_MANY_REQUESTS", tooMany.Message),
            NotFoundException notFound => ApiError.NotFound(notFound.Reason, notFound.Message),
            ForbiddenException forbidden => ApiError.Forbidden(forbidden.Reason, forbidden.Message),

            // Two requests wrote the same thing at once (a unique key, a row changed since it was
            // read) and the loser's own retries ran out; nothing of it was stored, so it may be sent again.
            WriteConflictException conflict => new ApiError(StatusCodes.Status409Conflict, "ABORTED", "CONCURRENT_UPDATE", conflict.Message),

            // A domain rule caught what validation let through: still the caller's input.
            DomainException domain => ApiError.BadRequest("INVALID_ARGUMENT", domain.Message),
            BadHttpRequestException badRequest => new ApiError(
                badRequest.StatusCode, "INVALID_ARGUMENT", badRequest.StatusCode == 413 ? "PAYLOAD_TOO_LARGE" : "BAD_REQUEST", badRequest.Message),
            _ when exception.InnerException is BadHttpRequestException { StatusCode: 413 } tooLarge => new ApiError(
                413, "INVALID_ARGUMENT", "PAYLOAD_TOO_LARGE", tooLarge.Message),

            // A deadlock victim, a lock wait that ran out, a failover: the same request sent again
            // will most likely succeed (a dial import is all-or-nothing and counts a call id once).
            DatabaseBusyException busy => new ApiError(StatusCodes.Status503ServiceUnavailable, "UNAVAILABLE", "DATABASE_BUSY", busy.Message),
            _ when exception.IsTransientDatabaseFailure() => new ApiError(
                StatusCodes.Status503ServiceUnavailable, "UNAVAILABLE", "DATABASE_BUSY",
                $"The database is busy or briefly unreachable, so this request did not complete. Send it again in {DatabaseBusyRetryAfterSeconds} seconds."),
            _ => null,
        };

        if (error?.StatusCode == StatusCodes.Status503ServiceUnavailable)
        {
            LogTransient(logger, exception, httpContext.Request.Method, httpContext.Request.Path);
            httpContext.Response.Headers.RetryAfter = DatabaseBusyRetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        if (error is null)
        {
            LogUnhandled(logger, exception, httpContext.Request.Method, httpContext.Request.Path);
            error = new ApiError(
                StatusCodes.Status500InternalServerError,
                "INTERNAL",
                "INTERNAL_ERROR",
                "Something went wrong on our side. Try again; if it persists, report the request_id.");
        }

        if (exception is TooManyRequestsException { RetryAfter: var wait })
        {
            httpContext.Response.Headers.RetryAfter = TooManyRequestsException.Seconds(wait).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        await ErrorResponseWriter.WriteAsync(httpContext, error);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Transient database failure for {Method} {Path}: answered 503")]
    private static partial void LogTransient(ILogger logger, Exception exception, string method, string path);

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception for {Method} {Path}")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, string method, string path);
}
