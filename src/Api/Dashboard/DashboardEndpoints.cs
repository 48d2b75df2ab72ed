using AniPlanner.Api.Hosting;
using Microsoft.Extensions.FileProviders;
using Microsoft.Net.Http.Headers;

namespace AniPlanner.Api.Dashboard;

/// <summary>
/// The ANI Planner screen: static files (HTML, CSS, ES modules) shipped beside the service and
/// served by it, no build step and nothing from elsewhere. They hold no data: the page signs in
/// and calls the same API any client does, so the files themselves need no credential.
/// </summary>
public static class DashboardEndpoints
{
    public const string Path = "/dashboard";

    /// <summary>Where the build and publish put the files, under the service's own folder.</summary>
    public const string AssetsFolder = "Dashboard/wwwroot";

    public static IApplicationBuilder UseDashboard(this IApplicationBuilder app, IWebHostEnvironment environment)
    {
        var files = new PhysicalFileProvider(System.IO.Path.Combine(environment.ContentRootPath, AssetsFolder));
        // "/dashboard" is sent on to "/dashboard/" (so the page's relative links resolve), which serves index.html.
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files, RequestPath = Path, RedirectToAppendTrailingSlash = true });
        return app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = files,
            RequestPath = Path,
            // Asked again (cheaply, by ETag) on every load: a new release's files are never mixed with an old one's.
            OnPrepareResponse = file => file.Context.Response.Headers.CacheControl = "no-cache",
        });
    }

    /// <summary>
    /// <c>/</c>: a browser (it asks for HTML) is sent to the screen; an API client gets a JSON
    /// index of where things are, as any other API answer.
    /// </summary>
    public static IEndpointRouteBuilder MapServiceRoot(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/", (HttpContext context) =>
            {
                // The answer depends on Accept: a cache must not hand the redirect to an API client.
                context.Response.Headers.Vary = HeaderNames.Accept;
                return AsksForHtml(context.Request)
                    ? Results.Redirect(Path + "/")
                    : Results.Json(new ServiceIndex("AniPlanner", Path + "/", SecurityHeaders.DocsPath + "/", "/openapi/v1.json", "/health"));
            })
            .AllowAnonymous()
            .ExcludeFromDescription();
        return endpoints;
    }

    private static bool AsksForHtml(HttpRequest request) =>
        MediaTypeHeaderValue.TryParseList(request.Headers.Accept, out var accepted)
        && accepted.Any(media => media.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase) && media.Quality is not 0);

    /// <summary>The answer of <c>GET /</c> to an API client.</summary>
    public sealed record ServiceIndex(string Service, string Dashboard, string Docs, string OpenApi, string Health);
}
