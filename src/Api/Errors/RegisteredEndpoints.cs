using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.AspNetCore.Routing.Template;

namespace AniPlanner.Api.Errors;

/// <summary>
/// The endpoints a path addresses, read from the routes themselves, for answers the framework
/// gives without one of them: routing's own 404, 405 and 415 carry none of the metadata that
/// says which contract the path speaks or which bodies its endpoint reads.
/// </summary>
public sealed class RegisteredEndpoints(EndpointDataSource endpoints)
{
    private readonly Lazy<IReadOnlyList<(RouteEndpoint Endpoint, TemplateMatcher Matcher)>> _routes = new(() =>
        [.. endpoints.Endpoints.OfType<RouteEndpoint>().Select(endpoint =>
            (endpoint, new TemplateMatcher(new RouteTemplate(endpoint.RoutePattern), new RouteValueDictionary(endpoint.RoutePattern.Defaults))))]);

    /// <summary>The endpoint answering a request; in the exception handler (which clears it), the endpoint that threw.</summary>
    public static Endpoint? Answering(HttpContext context) => context.GetEndpoint() ?? context.Features.Get<IExceptionHandlerFeature>()?.Endpoint;

    /// <summary>The service's registered endpoints; none outside a running service (a bare context in a unit test).</summary>
    public static RegisteredEndpoints? Of(HttpContext context) => context.RequestServices?.GetService<RegisteredEndpoints>();

    /// <summary>The metadata of each endpoint whose route matches the path (any method, any content type).</summary>
    public IEnumerable<EndpointMetadataCollection> At(PathString path) =>
        _routes.Value.Where(route => route.Matcher.TryMatch(path, [])).Select(route => route.Endpoint.Metadata);

    /// <summary>The metadata of each endpoint whose route starts with the path's first segment (in any case).</summary>
    public IEnumerable<EndpointMetadataCollection> Under(PathString path) =>
        _routes.Value.Where(route => FirstSegment(route.Endpoint.RoutePattern) is { } segment && path.StartsWithSegments("/" + segment, StringComparison.OrdinalIgnoreCase))
            .Select(route => route.Endpoint.Metadata);

    private static string? FirstSegment(RoutePattern pattern) =>
        pattern.PathSegments is [{ Parts: [RoutePatternLiteralPart literal] }, ..] ? literal.Content : null;
}
