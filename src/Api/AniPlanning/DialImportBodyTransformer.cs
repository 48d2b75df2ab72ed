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

    private static readonly MethodInfo ImportDialerRecords = typeof(DialsController).GetMethod(nameof(DialsController.Import))!;

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.Description.ActionDescriptor is not ControllerActionDescriptor action)
        {
            return Task.CompletedTask;
        }

        if (action.MethodInfo == ImportDialerRecords)
        {
            DescribeDialerRecords(operation, context);
            return Task.CompletedTask;
        }

        if (action.MethodInfo != ImportDials)
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

    /// <summary>
    /// <c>POST /dials</c>: the dialer's record (outboundIQ's Dials API), one, a JSON array of them,
    /// or NDJSON. The fields the service does not use are listed too, as accepted.
    /// </summary>
    private static void DescribeDialerRecords(OpenApiOperation operation, OpenApiOperationTransformerContext context)
    {
        var ignored = Text("Accepted and ignored.");
        // Strings, as a client should send them; where numbers are read too (dialers number calls and campaigns), the description says so.
        var record = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = "One dial as dialers export it. agent_name, sys_created_date_original, total_dial_attempts, skill_name and lead_source are accepted and ignored.",
            Properties = new Dictionary<string, IOpenApiSchema>
            {
                ["dial_id"] = Text("The dialer's id of the call (a JSON number is read as its digits); a known one is a duplicate. Without one, an id derived from campaign_id, ani, prospect_phone and datetime (as stored) makes a record sent again a duplicate."),
                ["campaign_id"] = Text("The campaign's id (letters, digits, '.', '_', '-'; a JSON number is read as its digits); an unknown one creates an outbound campaign named campaign_name."),
                ["campaign_name"] = Text("The name of a campaign this record creates (else campaign_id)."),
                ["agent_name"] = ignored,
                ["ani"] = Text($"The caller id used. {NumberDescription}"),
                ["disposition_name"] = Text("The call's outcome; its disposition's contact flag says whether it reached the prospect. An unknown name is recorded as a disposition that is not a contact."),
                ["prospect_phone"] = Text(NumberDescription),
                ["datetime"] = Text("UTC as YYYY-MM-DD HH:MM:SS (the day is the date on the company's clock), or ISO 8601 with an offset."),
                ["call_direction"] = Text("Outbound and Manual (any case, or none) are dials; Inbound, SMS, Transfer and the rest are skipped."),
                ["zip"] = Text("The prospect's US ZIP or ZIP+4; a Canadian postal code is accepted and not used."),
                ["sys_created_date_original"] = ignored,
                ["total_dial_attempts"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Description = "Accepted and ignored." },
                ["skill_name"] = ignored,
                ["lead_source"] = ignored,
            },
            Required = new HashSet<string>(["campaign_id", "ani", "disposition_name", "prospect_phone", "datetime"]),
        };
        context.Document!.AddComponent(DialerRecordSchemaName, record);
        var reference = new OpenApiSchemaReference(DialerRecordSchemaName, context.Document);
        operation.RequestBody = new OpenApiRequestBody
        {
            Required = true,
            Description = "Dial records as UTF-8: one record, a JSON array of them, or NDJSON (one record per line).",
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["application/json"] = new() { Schema = new OpenApiSchema { OneOf = [reference, new OpenApiSchema { Type = JsonSchemaType.Array, Items = reference }] } },
                ["application/x-ndjson"] = new() { Schema = new OpenApiSchema { Type = JsonSchemaType.String, Description = "One JSON dial record per line." } },
            },
        };
    }

    private const string DialerRecordSchemaName = "DialerRecord";

    private const string NumberDescription =
        "E.164 (+12135550123), or a national number of the company's number region (settings numberRegion), such as 2135550123 or (213) 555-0123; stored as E.164.";

    private static OpenApiSchema Text(string description) => new() { Type = JsonSchemaType.String, Description = description };
}
