using System.Text;
using AniPlanner.Application.Common.Exceptions;
using AniPlanner.Domain.Common;
using FluentValidation;
using Microsoft.AspNetCore.Diagnostics;

namespace AniPlanner.Api.Errors;

/// <summary>Maps what handlers throw to statuses and envelopes; anything unexpected is a logged 500.</summary>
public sealed partial class ApiExceptionHandler(ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var error = exception switch
        {
            // First: a JSON reader that hit the body limit or a cut-off body failed because of the request.
            _ when RequestFault(exception) is { } fault => fault,
            ValidationException validation => ApiError.BadRequest(
                ErrorReasons.ValidationFailed, string.Join(" ", validation.Errors.Select(failure => failure.ErrorMessage).Distinct())),
            InvalidIdException invalidId => ApiError.BadRequest(ErrorReasons.InvalidId, invalidId.Message),
            BadRequestException badRequest => ApiError.BadRequest(ErrorReasons.InvalidArgument, badRequest.Message),
            InvalidJsonBodyException invalidJson => ApiError.BadRequest(ErrorReasons.InvalidJsonBody, invalidJson.Message),
            UnauthenticatedException unauthenticated => ApiError.Unauthenticated(unauthenticated.Reason, unauthenticated.Message),
            TooManyRequestsException tooMany => ApiError.TooManyRequests(ErrorReasons.TooManyRequests, tooMany.Message, TooManyRequestsException.Seconds(tooMany.RetryAfter)),
            NotFoundException notFound => ApiError.NotFound(notFound.Reason, notFound.Message),
            ForbiddenException forbidden => ApiError.Forbidden(forbidden.Reason, forbidden.Message),

            // Two requests wrote the same thing at once (a unique key, a row changed since it was
            // read) and the loser's own retries ran out; nothing of it was stored, so it may be sent again.
            WriteConflictException conflict => ApiError.Conflict(ErrorReasons.ConcurrentUpdate, conflict.Message),

            // Text the database cannot hold (a NUL character, on PostgreSQL) that got past the
            // edge, e.g. in a dial file: the request's content, not our failure.
            UnstorableTextException unstorable => ApiError.BadRequest(ErrorReasons.ValidationFailed, unstorable.Message),

            // A domain rule caught what validation let through: still the caller's input.
            DomainException domain => ApiError.BadRequest(ErrorReasons.InvalidArgument, domain.Message),

            // A deadlock victim, a lock wait that ran out, a failover: the same request sent again
            // will most likely succeed (a dial import is all-or-nothing and counts a call id once).
            DatabaseBusyException busy => ApiError.Unavailable(ErrorReasons.DatabaseBusy, busy.Message, DatabaseBusyException.RetryAfterSeconds),
            _ => null,
        };

        if (error?.StatusCode == StatusCodes.Status503ServiceUnavailable)
        {
            LogTransient(logger, exception, httpContext.Request.Method, httpContext.Request.Path);
        }

        if (error is null)
        {
            LogUnhandled(logger, exception, httpContext.Request.Method, httpContext.Request.Path);
            error = ApiError.ServerError(
                StatusCodes.Status500InternalServerError, "Something went wrong on our side. Try again; if it persists, report the request_id.");
        }

        await ErrorResponseWriter.WriteAsync(httpContext, error);
        return true;
    }

    /// <summary>
    /// The request's own fault, however deep the framework wrapped it: a body cut short, too large
    /// or in a type we do not read (a <see cref="BadHttpRequestException"/>, answered with its 4xx),
    /// or bytes that are not text in their character set. Never a 500: nothing on our side failed.
    /// </summary>
    private static ApiError? RequestFault(Exception exception)
    {
        foreach (var cause in Causes(exception))
        {
            switch (cause)
            {
                case BadHttpRequestException badRequest:
                    return badRequest.StatusCode switch
                    {
                        StatusCodes.Status413PayloadTooLarge => ApiError.PayloadTooLarge(badRequest.Message),
                        StatusCodes.Status415UnsupportedMediaType => ApiError.UnsupportedMediaType(badRequest.Message),
                        var status and >= 400 and < 500 => ApiError.ClientError(status, ErrorReasons.BadRequest, badRequest.Message),
                        _ => ApiError.BadRequest(ErrorReasons.BadRequest, badRequest.Message),
                    };
                case DecoderFallbackException:
                    return ApiError.BadRequest(ErrorReasons.InvalidJsonBody, "The request body is not valid text in its character set: send it as UTF-8.");
            }
        }

        return null;
    }

    /// <summary>The exception and what it wraps, aggregates included (bounded: a cycle cannot hang a request).</summary>
    private static IEnumerable<Exception> Causes(Exception exception)
    {
        var pending = new Queue<Exception>([exception]);
        for (var seen = 0; pending.Count > 0 && seen < 32; seen++)
        {
            var cause = pending.Dequeue();
            yield return cause;
            IEnumerable<Exception> wrapped = cause is AggregateException aggregate ? aggregate.InnerExceptions
                : cause.InnerException is { } inner ? [inner] : [];
            foreach (var next in wrapped)
            {
                pending.Enqueue(next);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Transient database failure for {Method} {Path}: answered 503")]
    private static partial void LogTransient(ILogger logger, Exception exception, string method, string path);

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception for {Method} {Path}")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, string method, string path);
}
