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
                ["dialedAt"] = new OpenApiSchema
                {
                    Type = JsonSchemaType.String,
                    Format = "date-time",
                    Description = "ISO-8601 with an offset (2026-05-04T14:03:00-07:00), whose date there is the dial's day; or UTC without one "
                        + "(2026-05-04 21:03:00), whose day is the date on the company's clock (settings timeZone).",
                },
                ["prospectNumber"] = Text(NumberDescription),
                ["aniNumber"] = Text($"The caller id used. {NumberDescription}"),
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

    private const string NumberDescription =
        "E.164 (+12135550123), or a national number of the company's number region (settings numberRegion), such as 2135550123 or (213) 555-0123; stored as E.164.";

    private static OpenApiSchema Text(string description) => new() { Type = JsonSchemaType.String, Description = description };
}
