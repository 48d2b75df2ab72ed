using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace AniPlanner.Api.Hosting;

/// <summary>What the generated OpenAPI document says about the service as a whole.</summary>
public sealed class OpenApiDocumentDescription : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info = new OpenApiInfo
        {
            Title = "AniPlanner",
            Version = "v1",
            Description = """
                VoIPBIN's outplan and access-key contracts under /v1.0 (snake_case, errors as {"error": {status, reason, message, request_id}}),
                and the ANI Planner under /ani-planner (camelCase, answers as {"success": true, "data"} or {"success": false, "message"}).
                Every call but /auth/login and /health takes a credential: an access key or a login token, as ?token=, ?accesskey= or Authorization: Bearer.
                """,
        };
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes = new Dictionary<string, IOpenApiSecurityScheme>
        {
            ["bearer"] = new OpenApiSecurityScheme { Type = SecuritySchemeType.Http, Scheme = "bearer", Description = "An access key (anip_…) or a login token from POST /auth/login." },
            ["token"] = new OpenApiSecurityScheme { Type = SecuritySchemeType.ApiKey, In = ParameterLocation.Query, Name = "token", Description = "The same credential in the query string." },
            ["accesskey"] = new OpenApiSecurityScheme { Type = SecuritySchemeType.ApiKey, In = ParameterLocation.Query, Name = "accesskey", Description = "The same credential in the query string." },
        };
        return Task.CompletedTask;
    }
}
