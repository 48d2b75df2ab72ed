using AniPlanner.Api.Errors;
using AniPlanner.Application.Common.Exceptions;
using Microsoft.Extensions.Options;

namespace AniPlanner.Api.Hosting;

/// <summary>
/// The moment, once the service has been told to stop, when requests still running are given
/// up: shortly before the host's shutdown grace period ends, while there is still time to answer
/// them. Past the grace period Kestrel closes their connections with no answer at all.
/// </summary>
public sealed class ShutdownDeadline : IDisposable
{
    /// <summary>At most this long before the grace period ends: time to roll back and write the 503.</summary>
    private static readonly TimeSpan LongestMargin = TimeSpan.FromSeconds(2);

    private readonly CancellationTokenSource _reached = new();
    private readonly CancellationTokenRegistration _stopping;

    public ShutdownDeadline(IHostApplicationLifetime lifetime, IOptions<HostOptions> host)
    {
        var grace = host.Value.ShutdownTimeout;
        var margin = grace / 4 < LongestMargin ? grace / 4 : LongestMargin;
        _stopping = lifetime.ApplicationStopping.Register(() => _reached.CancelAfter(grace - margin));
    }

    /// <summary>Cancelled when in-flight requests are to be given up.</summary>
    public CancellationToken Reached => _reached.Token;

    public void Dispose()
    {
        _stopping.Dispose();
        _reached.Dispose();
    }
}

/// <summary>
/// Gives every request the shutdown deadline as part of its cancellation, and answers one that
/// the deadline cut (and that has not started its answer) with a 503 in the envelope, Retry-After
/// and "Connection: close", instead of a bare connection reset: the client learns the request did
/// not complete and may send it again (to the restarted service, or another instance).
/// </summary>
public sealed partial class ShutdownDeadlineMiddleware(RequestDelegate next, ShutdownDeadline deadline, ILogger<ShutdownDeadlineMiddleware> logger)
{
    public const int RetryAfterSeconds = 5;

    public async Task InvokeAsync(HttpContext context)
    {
        var clientGone = context.RequestAborted;
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(clientGone, deadline.Reached);
        context.RequestAborted = cancellation.Token;
        try
        {
            await next(context);
        }
        catch (Exception cut) when (deadline.Reached.IsCancellationRequested && !clientGone.IsCancellationRequested && !context.Response.HasStarted)
        {
            LogCut(logger, cut, context.Request.Method, context.Request.Path);
            context.RequestAborted = clientGone;
            context.Response.Clear();
            context.Response.Headers.Connection = "close";
            await ErrorResponseWriter.WriteAsync(context, ApiError.Unavailable(
                ErrorReasons.ShuttingDown, $"The service is shutting down and this request did not complete in time. Send it again in {RetryAfterSeconds} seconds.", RetryAfterSeconds));
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Method} {Path} was still running when the shutdown grace period ran out: answered 503")]
    private static partial void LogCut(ILogger logger, Exception exception, string method, string path);
}
