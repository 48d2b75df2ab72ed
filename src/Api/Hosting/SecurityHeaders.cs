using Scalar.AspNetCore;

namespace AniPlanner.Api.Hosting;

/// <summary>
/// Headers that keep a browser from treating an answer as anything but what it says it is:
/// <c>nosniff</c> everywhere, and a Content-Security-Policy that lets an API answer load and run
/// nothing (an error quoting "&lt;script&gt;" stays inert even if opened as a page). The docs
/// page (Scalar) runs its own scripts and styles from this service, so it gets a policy that
/// allows exactly those: scripts by this request's nonce or from here, data from here.
/// </summary>
public static class SecurityHeaders
{
    public const string DocsPath = "/docs";

    public const string ApiPolicy = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        // On starting: error handlers clear the headers of a failed answer before writing theirs.
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.ContentSecurityPolicy = context.Request.Path.StartsWithSegments(DocsPath, StringComparison.OrdinalIgnoreCase)
                ? DocsPolicy(context.Items.TryGetValue(ScalarOptions.NonceHttpContextItemKey, out var nonce) ? nonce as string : null)
                : ApiPolicy;
            return Task.CompletedTask;
        });
        return next(context);
    });

    /// <summary>Vue sets inline styles, hence 'unsafe-inline' for styles only; fonts are the browser's own (no CDN).</summary>
    public static string DocsPolicy(string? nonce) =>
        $"default-src 'none'; script-src 'self'{(nonce is null ? "" : $" 'nonce-{nonce}'")}; style-src 'self' 'unsafe-inline'; " +
        "img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; worker-src 'self' blob:; manifest-src 'self'; " +
        "frame-ancestors 'none'; base-uri 'self'; form-action 'none'";
}
