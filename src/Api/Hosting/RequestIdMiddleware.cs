using System.Text.RegularExpressions;
using AniPlanner.Api.Common;

namespace AniPlanner.Api.Hosting;

/// <summary>
/// Gives every request an id, echoed in <c>X-Request-Id</c> and in every error body. A caller's
/// own id is kept when it is short and plain, so one id can follow a call across systems.
/// </summary>
public sealed partial class RequestIdMiddleware(RequestDelegate next, ILogger<RequestIdMiddleware> logger)
{
    public const string HeaderName = "X-Request-Id";

    public async Task InvokeAsync(HttpContext context)
    {
        var offered = context.Request.Headers[HeaderName].ToString();
        var requestId = SafeId().IsMatch(offered) ? offered : Guid.NewGuid().ToString("N");
        context.SetRequestId(requestId);
        context.Response.OnStarting(() =>
        {
            context.Response.Headers[HeaderName] = requestId;
            return Task.CompletedTask;
        });

        // Every log line written for this request carries its id.
        using (logger.BeginScope(new Dictionary<string, object> { ["RequestId"] = requestId }))
        {
            await next(context);
        }
    }

    [GeneratedRegex("^[A-Za-z0-9._-]{1,128}$")]
    private static partial Regex SafeId();
}
