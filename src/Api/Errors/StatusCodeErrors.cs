using AniPlanner.Application.Common.Exceptions;
using AniPlanner.Application.Common.Text;
using Microsoft.AspNetCore.Diagnostics;

namespace AniPlanner.Api.Errors;

/// <summary>
/// Bodies for the error statuses the framework answers without one (no such route, wrong
/// method, wrong content type, body too large), so every error has the contract's envelope.
/// </summary>
public static class StatusCodeErrors
{
    public static Task WriteAsync(StatusCodeContext context)
    {
        var http = context.HttpContext;
        var error = http.Response.StatusCode switch
        {
            StatusCodes.Status404NotFound => ApiError.NotFound(ErrorReasons.RouteNotFound, $"There is no endpoint at {EchoedInput.Shorten(http.Request.Path.Value)}."),
            StatusCodes.Status405MethodNotAllowed => ApiError.ClientError(
                StatusCodes.Status405MethodNotAllowed, ErrorReasons.MethodNotAllowed,
                $"{EchoedInput.Shorten(http.Request.Method)} is not supported on {EchoedInput.Shorten(http.Request.Path.Value)}."),
            StatusCodes.Status415UnsupportedMediaType => UnsupportedMediaType.For(http),
            StatusCodes.Status413PayloadTooLarge => ApiError.PayloadTooLarge("The request body is too large."),
            StatusCodes.Status401Unauthorized => ApiError.Unauthenticated(ErrorReasons.AuthenticationRequired, "Authentication required."),
            StatusCodes.Status403Forbidden => ApiError.Forbidden(ErrorReasons.PermissionDenied, "You may not do this."),
            var status when status >= 500 => ApiError.ServerError(status, "Something went wrong on our side."),
            var status => ApiError.ClientError(status, ErrorReasons.BadRequest, "The request cannot be served."),
        };
        return ErrorResponseWriter.WriteAsync(http, error);
    }
}
