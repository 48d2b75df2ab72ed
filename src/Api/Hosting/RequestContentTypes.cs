using AniPlanner.Api.Errors;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace AniPlanner.Api.Hosting;

/// <summary>
/// Refuses a body in a text encoding the service does not read, before anything reads it: a
/// Content-Type that does not parse, or whose charset is not UTF-8, is a 415 saying what to
/// send. Left to MVC, "charset=utf-16" with an odd number of bytes, or a bare "charset=", threw
/// inside the framework and answered 500.
/// </summary>
public static class RequestContentTypes
{
    public static IApplicationBuilder UseUtf8RequestBodies(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.Request.Headers.ContentType.Count > 0 && ReadsBody(context.GetEndpoint())
            && !UnsupportedMediaType.IsUtf8(context.Request.Headers.ContentType.Count == 1 ? context.Request.ContentType : null))
        {
            await ErrorResponseWriter.WriteAsync(context, UnsupportedMediaType.For(context));
            return;
        }

        await next(context);
    });

    /// <summary>Actions that read a body: a [FromBody] parameter, or [Consumes] for one read by hand (dial imports).</summary>
    private static bool ReadsBody(Endpoint? endpoint) =>
        endpoint?.Metadata.GetMetadata<ControllerActionDescriptor>() is { } action
        && (action.Parameters.Any(parameter => parameter.BindingInfo?.BindingSource == BindingSource.Body)
            || endpoint.Metadata.GetMetadata<ConsumesAttribute>() is not null);
}
