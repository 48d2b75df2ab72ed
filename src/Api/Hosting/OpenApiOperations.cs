using System.Globalization;
using System.Reflection;
using System.Text.Json.Serialization;
using System.Text.Json.Nodes;
using AniPlanner.Api.Authentication;
using AniPlanner.Api.Errors;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace AniPlanner.Api.Hosting;

/// <summary>
/// Every error an operation can answer, in the envelope of its contract: the one place that
/// knows which statuses the pipeline adds (credentials, permissions, limits, bad input).
/// </summary>
public sealed class ErrorResponsesTransformer : IOpenApiOperationTransformer
{
    public async Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        var contract = ErrorContracts.DeclaredBy(metadata) ?? ErrorContract.Voipbin;
        var envelope = await EnvelopeReferenceAsync(ErrorContracts.EnvelopeType(contract), context, cancellationToken);
        var anonymous = metadata.OfType<IAllowAnonymous>().Any();
        var takesBody = context.Description.ParameterDescriptions.Any(parameter => parameter.Source == BindingSource.Body)
            || context.Description.SupportedRequestFormats.Count > 0 || metadata.OfType<AcceptedBodiesAttribute>().Any();
        var takesInput = takesBody || context.Description.ParameterDescriptions.Any(parameter => parameter.Source == BindingSource.Path || parameter.Source == BindingSource.Query);

        operation.Responses ??= [];
        void Add(int status, string description) => operation.Responses.TryAdd(
            status.ToString(CultureInfo.InvariantCulture),
            new OpenApiResponse { Description = description, Content = new Dictionary<string, OpenApiMediaType> { ["application/json"] = new() { Schema = envelope } } });

        // An operation that reads nothing from the request has nothing to refuse as bad input.
        if (takesInput)
        {
            Add(400, "Bad input: the message names the field and what to send instead.");
        }

        if (!anonymous)
        {
            // Any one of the three ways to pass a credential will do.
            operation.Security = [.. ((string[])["bearer", "token", "accesskey"]).Select(scheme =>
                new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(scheme, context.Document)] = [] })];
            Add(401, "No credential (AUTHENTICATION_REQUIRED), or an unknown, expired or deleted one (INVALID_CREDENTIALS).");
            // A policy asks for a permission; plain [Authorize] (who am I) takes any credential.
            if (metadata.OfType<IAuthorizeData>().Any(data => data.Policy is not null))
            {
                Add(403, "The credential's permission does not reach this endpoint.");
            }
            Add(429, "The customer's request rate limit is reached (RATE_LIMITED), or too many failed authentications came from this address (TOO_MANY_REQUESTS); see Retry-After.");
        }
        else if (metadata.OfType<PasswordSignInAttribute>().Any())
        {
            Add(401, "Wrong username or password (one answer for both).");
            Add(429, "Too many failed logins: of this username from this address (each wait twice the last), of this username from all addresses, or from this address; see Retry-After.");
        }

        // A resource named by its id may be missing; an upsert by a caller's identifier (campaigns, a PUT of a disposition) never is.
        var upsert = context.Description.HttpMethod is { } verb && HttpMethods.IsPut(verb);
        if (context.Description.ParameterDescriptions.Any(parameter => parameter.Source == BindingSource.Path && (parameter.Name == "id" || (parameter.Name == "dispositionId" && !upsert))))
        {
            Add(404, "No such resource for this customer (another customer's answers the same).");
        }

        if (takesBody)
        {
            Add(413, "The body is larger than this endpoint takes.");
            Add(415, "The body's Content-Type is not one this endpoint takes, or names a charset other than UTF-8.");
        }

        // Changing or deleting a resource that other requests keep changing at the same time gives up
        // after its retries (nothing stored); a create writes a new row, which no one else is changing.
        if (!anonymous && context.Description.HttpMethod is { } method && (HttpMethods.IsPut(method) || HttpMethods.IsDelete(method)))
        {
            Add(409, "Other requests kept changing the same data at the same time (CONCURRENT_UPDATE); nothing was stored: send it again.");
        }

        Add(500, "Our failure: report the request id.");
        Add(503, "The database is busy (a lock or deadlock) or briefly unreachable, or the service is shutting down, and the request did not complete; send it again after Retry-After seconds.");
    }

    /// <summary>
    /// The envelope as a component of its own, and the object it holds (VoIPBIN's error body) too,
    /// so a generated client has one error type per contract.
    /// </summary>
    private static async Task<IOpenApiSchema> EnvelopeReferenceAsync(Type envelopeType, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var document = context.Document!;
        if (document.Components?.Schemas?.ContainsKey(envelopeType.Name) != true)
        {
            var envelope = await context.GetOrCreateSchemaAsync(envelopeType, null, cancellationToken);
            foreach (var part in envelopeType.GetProperties().Where(property => property.PropertyType.Namespace == envelopeType.Namespace))
            {
                var name = JsonNamingOf(part);
                document.AddComponent(part.PropertyType.Name, envelope.Properties![name]);
                envelope.Properties[name] = new OpenApiSchemaReference(part.PropertyType.Name, document);
            }

            document.AddComponent(envelopeType.Name, envelope);
        }

        return new OpenApiSchemaReference(envelopeType.Name, document);
    }

    private static string JsonNamingOf(PropertyInfo property) => property.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? property.Name;
}

/// <summary>
/// Each operation named after its controller and action (<c>Outplans_Create</c>), so generated
/// clients get one class per resource with stable method names; its parameters say what the
/// validators check (see <see cref="ContractSchemaTransformer.RefineParameter"/>).
/// </summary>
public sealed class OperationNamesAndParametersTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.Description.ActionDescriptor is ControllerActionDescriptor action)
        {
            operation.OperationId = $"{action.ControllerName}_{action.ActionName}";
        }

        foreach (var parameter in operation.Parameters?.OfType<OpenApiParameter>() ?? [])
        {
            if (parameter.Schema is OpenApiSchema schema)
            {
                ContractSchemaTransformer.RefineParameter(parameter.Name!, schema);
            }

            // The regions of a country: there is no default country to list.
            if (parameter is { Name: "country", In: ParameterLocation.Query })
            {
                parameter.Required = true;
            }
        }

        return Task.CompletedTask;
    }
}

/// <summary>The contracts' own examples (the seeds), on the operations they illustrate.</summary>
public sealed class SeedExamplesTransformer : IOpenApiOperationTransformer
{
    private static readonly Dictionary<string, (string? Request, string Response)> Examples = new(StringComparer.Ordinal)
    {
        ["POST v1.0/outplans"] = (
            """{"name":"test outplan","detail":"outplan for test use.","source":{"type":"tel","target":"+15559876543"},"dial_timeout":30000,"try_interval":600000,"max_try_count_0":5,"max_try_count_1":5,"max_try_count_2":5,"max_try_count_3":5,"max_try_count_4":5}""",
            """{"id":"d5fb7357-7ddb-4f2d-87b5-8ccbfd6c039e","customer_id":"7a1b2c3d-4e5f-6789-abcd-ef0123456789","name":"test outplan","detail":"outplan for test use.","source":{"type":"tel","target":"+15559876543","target_name":"","name":"","detail":""},"dial_timeout":30000,"try_interval":600000,"max_try_count_0":5,"max_try_count_1":5,"max_try_count_2":5,"max_try_count_3":5,"max_try_count_4":5,"tm_create":"2022-04-28 01:50:23.414000","tm_update":"9999-01-01 00:00:00.000000","tm_delete":"9999-01-01 00:00:00.000000"}"""),
        ["GET v1.0/outplans"] = (
            null,
            """{"result":[{"id":"d5fb7357-7ddb-4f2d-87b5-8ccbfd6c039e","customer_id":"7a1b2c3d-4e5f-6789-abcd-ef0123456789","name":"test outplan","detail":"outplan for test use.","source":{"type":"tel","target":"+15559876543","target_name":"","name":"","detail":""},"dial_timeout":30000,"try_interval":60000,"max_try_count_0":5,"max_try_count_1":5,"max_try_count_2":5,"max_try_count_3":5,"max_try_count_4":5,"tm_create":"2022-04-28 01:50:23.414000","tm_update":"2022-04-30 12:01:13.780469","tm_delete":"9999-01-01 00:00:00.000000"}],"next_page_token":"2022-04-28 01:50:23.414000"}"""),
        ["POST ani-planner/generate"] = (
            """{"dateStart":"2026-05-01","dateEnd":"2026-05-28","dailyDialsTarget":"BETTER","groupBy":"area_code","inventoryMode":"managed","campaigns":["west-coast-outbound","east-coast-outbound"]}""",
            """{"success":true,"data":{"country":"us","dateStart":"2026-05-01","dateEnd":"2026-05-28","bizDays":20,"dailyDialsTarget":75,"groupBy":"area_code","inventoryMode":"managed","regionStats":[{"region":"Los Angeles","state":"CA","areaCodes":["213","310"],"dailyDialsAverage":412,"currentAnis":4,"proposedAnis":6,"difference":2}],"totalDials":12345,"totalContacts":3456,"overallContactRate":28.0,"totalCurrentAnis":40,"totalProposedAnis":58,"aniDifference":18,"missingZipData":false,"tollFreeRecommendation":0,"selectedCampaigns":[101,102],"campaigns":[{"id":101,"name":"West Coast Outbound","internalIdentifier":"wc-out","campaignType":"outbound","inboundCampaignIds":[205],"inboundCampaignNames":["West Coast Inbound"]}],"unmappedDials":0}}"""),
        ["GET ani-planner/anis/usage"] = (
            null,
            """{"success":true,"data":{"dateStart":"2026-10-26","dateEnd":"2026-11-24","bizDays":22,"dailyDialsTarget":75,"items":[{"number":"+13055550108","country":"US","areaCode":"305","region":"Miami","state":"FL","status":"active","managed":true,"dials":4584,"contacts":1279,"contactRate":27.9,"activeDays":30,"dailyDialsAverage":208.4,"peakDailyDials":240,"daysOverTarget":22,"lastDialed":"2026-11-24","lastSevenDaysContactRate":28.7},{"number":"+12125550199","country":"US","areaCode":"212","region":"New York","state":"NY","status":null,"managed":null,"dials":12,"contacts":1,"contactRate":8.3,"activeDays":2,"dailyDialsAverage":0.5,"peakDailyDials":9,"daysOverTarget":0,"lastDialed":"2026-11-03","lastSevenDaysContactRate":null},{"number":"+16175550111","country":"US","areaCode":"617","region":"Boston","state":"MA","status":"removed","managed":true,"dials":0,"contacts":0,"contactRate":null,"activeDays":0,"dailyDialsAverage":0.0,"peakDailyDials":0,"daysOverTarget":0,"lastDialed":null,"lastSevenDaysContactRate":null}],"page":1,"pageSize":100,"totalCount":3}}"""),
    };

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (!Examples.TryGetValue($"{context.Description.HttpMethod} {context.Description.RelativePath}", out var example))
        {
            return Task.CompletedTask;
        }

        if (example.Request is not null && operation.RequestBody?.Content is { } requestContent && requestContent.TryGetValue("application/json", out var request))
        {
            request.Example = JsonNode.Parse(example.Request);
        }

        if (operation.Responses?.TryGetValue("200", out var ok) == true && ok.Content?.TryGetValue("application/json", out var response) == true)
        {
            response.Example = JsonNode.Parse(example.Response);
        }

        return Task.CompletedTask;
    }
}
