using System.Reflection;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace AniPlanner.Api.AniPlanning;

/// <summary>
/// The dial import's body, which MVC cannot describe (the action streams it by hand): a JSON
/// array of dial records, the same records as NDJSON lines, or CSV with a header row.
/// </summary>
public sealed class DialImportBodyTransformer : IOpenApiOperationTransformer
{
    private const string RecordSchemaName = "DialRecord";

    private static readonly MethodInfo ImportDials = typeof(AniPlannerController).GetMethod(nameof(AniPlannerController.ImportDials))!;

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.Description.ActionDescriptor is not ControllerActionDescriptor action || action.MethodInfo != ImportDials)
        {
            return Task.CompletedTask;
        }

        var record = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Properties = new Dictionary<string, IOpenApiSchema>
            {
                ["callId"] = Text("The dialer's id of the call; a known one counts as a duplicate."),
                ["campaign"] = Text("The internal identifier of an outbound or autodial campaign."),
                ["dialedAt"] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "date-time", Description = "ISO-8601 with an offset, e.g. 2026-05-04T14:03:00-07:00." },
                ["prospectNumber"] = Text("E.164."),
                ["aniNumber"] = Text("E.164: the caller id used."),
                ["prospectZip"] = Text("Optional: a US ZIP or ZIP+4."),
                ["contacted"] = new OpenApiSchema { Type = JsonSchemaType.Boolean },
            },
            Required = new HashSet<string>(DialBodyReader.RequiredColumns),
        };
        // A component of its own, so a generated client has a DialRecord type to send.
        context.Document!.AddComponent(RecordSchemaName, record);
        operation.RequestBody = new OpenApiRequestBody
        {
            Required = true,
            Description = "Dial records as UTF-8: a JSON array, NDJSON (one record per line) or CSV with a header row naming the fields.",
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["application/json"] = new() { Schema = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchemaReference(RecordSchemaName, context.Document) } },
                ["application/x-ndjson"] = new() { Schema = new OpenApiSchema { Type = JsonSchemaType.String, Description = "One JSON dial record per line." } },
                ["text/csv"] = new() { Schema = new OpenApiSchema { Type = JsonSchemaType.String, Description = $"A header row ({string.Join(",", DialBodyReader.RequiredColumns)}, optionally prospectZip), then one dial per row." } },
            },
        };
        return Task.CompletedTask;
    }

    private static OpenApiSchema Text(string description) => new() { Type = JsonSchemaType.String, Description = description };
}
