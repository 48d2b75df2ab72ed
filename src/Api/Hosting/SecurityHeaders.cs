using AniPlanner.Api.Dashboard;
using Scalar.AspNetCore;

namespace AniPlanner.Api.Hosting;

/// <summary>
/// Headers that keep a browser from treating an answer as anything but what it says it is:
/// <c>nosniff</c> everywhere, and a Content-Security-Policy that lets an API answer load and run
/// nothing (an error quoting "&lt;script&gt;" stays inert even if opened as a page). The docs
/// page (Scalar) runs its own scripts and styles from this service, so it gets a policy that
/// allows exactly those: scripts by this request's nonce or from here, data from here. The
/// dashboard's files are all from here, none inline: its policy allows this origin and nothing else.
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
            if (context.Request.Path.StartsWithSegments(DashboardEndpoints.Path, StringComparison.OrdinalIgnoreCase))
            {
                headers.ContentSecurityPolicy = DashboardPolicy;
                // The page's address never travels to another site (none is linked, but a pasted link could be).
                headers["Referrer-Policy"] = "no-referrer";
            }
            else
            {
                headers.ContentSecurityPolicy = context.Request.Path.StartsWithSegments(DocsPath, StringComparison.OrdinalIgnoreCase)
                    ? DocsPolicy(context.Items.TryGetValue(ScalarOptions.NonceHttpContextItemKey, out var nonce) ? nonce as string : null)
                    : ApiPolicy;
            }

            return Task.CompletedTask;
        });
        return next(context);
    });

    /// <summary>
    /// The dashboard: scripts, styles, images and API calls from this origin only; no inline script
    /// or style, no plugin, no frame, and forms post nowhere (the page sends its requests itself).
    /// </summary>
    public const string DashboardPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; " +
        "frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    /// <summary>Vue sets inline styles, hence 'unsafe-inline' for styles only; fonts are the browser's own (no CDN).</summary>
    public static string DocsPolicy(string? nonce) =>
        $"default-src 'none'; script-src 'self'{(nonce is null ? "" : $" 'nonce-{nonce}'")}; style-src 'self' 'unsafe-inline'; " +
        "img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; worker-src 'self' blob:; manifest-src 'self'; " +
        "frame-ancestors 'none'; base-uri 'self'; form-action 'none'";
}
