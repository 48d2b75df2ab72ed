using AniPlanner.Application.AniPlanning.AniUsage.GetAniUsage;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace AniPlanner.Api.AniPlanning;

/// <summary>
/// <c>GET /ani-planner/anis/usage</c> under <c>text/csv</c> answers rows of text, not the JSON
/// envelope [Produces] lists for both media types.
/// </summary>
public sealed class AniUsageCsvTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.Description.ActionDescriptor is ControllerActionDescriptor { ControllerTypeInfo: var controller } && controller.AsType() == typeof(AniUsageController)
            && operation.Responses?.TryGetValue("200", out var ok) == true && ok.Content?.TryGetValue(AniUsageCsv.ContentType, out var csv) == true)
        {
            csv.Schema = new OpenApiSchema
            {
                Type = JsonSchemaType.String,
                Description = $"A header row ({AniUsageCsv.Header.TrimEnd()}), then one row per ANI in the JSON order (RFC 4180, CRLF; null is an empty cell; "
                    + "a text cell starting with =, +, -, @, tab or CR has an apostrophe first). Every row of the range unless page or pageSize is given.",
            };
        }

        return Task.CompletedTask;
    }
}
