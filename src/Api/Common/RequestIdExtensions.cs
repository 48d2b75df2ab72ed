namespace AniPlanner.Api.Common;

/// <summary>
/// Where a request's id is kept (ASP.NET Core's trace identifier, so its own logs carry it too):
/// Hosting's RequestIdMiddleware sets it, every error body quotes it.
/// </summary>
public static class RequestIdExtensions
{
    public static string RequestId(this HttpContext context) => context.TraceIdentifier;

    public static void SetRequestId(this HttpContext context, string requestId) => context.TraceIdentifier = requestId;
}
