using System.Text.Json.Nodes;

namespace AniPlanner.FunctionalTests.Fuzzing;

/// <summary>One operation of the served OpenAPI document, as much as the fuzzer needs of it.</summary>
public sealed record FuzzOperation(
    string Method,
    string PathTemplate,
    IReadOnlyList<string> PathParameters,
    IReadOnlyList<(string Name, string Type)> QueryParameters,
    IReadOnlyList<string> BodyContentTypes,
    JsonNode? BodySample,
    bool NeedsCredential)
{
    public string Name => $"{Method} {PathTemplate}";

    public bool TakesBody => BodyContentTypes.Count > 0;
}

/// <summary>
/// Reads every operation out of the OpenAPI document the service serves, with a plausible body
/// for each built from its schema: the fuzzer covers whatever the service says it does, so a
/// new endpoint is fuzzed without anyone listing it here.
/// </summary>
public static class ServedOperations
{
    /// <summary>The operations a path item may hold (OpenAPI 3).</summary>
    private static readonly string[] Methods = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

    /// <summary>How many operations the document lists: every member of a path item that is not one of its shared fields.</summary>
    public static int CountIn(JsonNode document) =>
        document["paths"]!.AsObject().Sum(path => path.Value!.AsObject()
            .Count(member => member.Key is not ("summary" or "description" or "servers" or "parameters" or "$ref")));

    public static IReadOnlyList<FuzzOperation> Read(JsonNode document)
    {
        var operations = new List<FuzzOperation>();
        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            foreach (var method in Methods)
            {
                if (item![method] is not { } operation)
                {
                    continue;
                }

                var parameters = operation["parameters"]?.AsArray() ?? [];
                var content = operation["requestBody"]?["content"]?.AsObject();
                var schema = content?.FirstOrDefault().Value?["schema"];
                operations.Add(new FuzzOperation(
                    method.ToUpperInvariant(),
                    path,
                    [.. parameters.Where(parameter => parameter!["in"]!.GetValue<string>() == "path").Select(parameter => parameter!["name"]!.GetValue<string>())],
                    [.. parameters.Where(parameter => parameter!["in"]!.GetValue<string>() == "query")
                        .Select(parameter => (parameter!["name"]!.GetValue<string>(), parameter["schema"]?["type"]?.ToString() ?? "string"))],
                    [.. content?.Select(pair => pair.Key) ?? []],
                    schema is null ? null : Sample(schema, document, propertyName: null, depth: 0),
                    operation["security"] is not null));
            }
        }

        return operations;
    }

    /// <summary>A value the schema allows, plausible enough that the handler gets past validation.</summary>
    private static JsonNode? Sample(JsonNode schema, JsonNode document, string? propertyName, int depth)
    {
        if (depth > 8)
        {
            return null;
        }

        if (schema["$ref"]?.GetValue<string>() is { } reference)
        {
            return Sample(Resolve(document, reference), document, propertyName, depth + 1);
        }

        if (schema["oneOf"] is JsonArray alternatives)
        {
            return alternatives.Select(alternative => Sample(alternative!, document, propertyName, depth + 1)).FirstOrDefault(value => value is not null);
        }

        if (propertyName is not null && PlausibleValues.TryGetValue(propertyName, out var plausible))
        {
            return plausible?.DeepClone();
        }

        return TypeOf(schema) switch
        {
            "object" => new JsonObject(
                (schema["properties"]?.AsObject() ?? [])
                    .Select(property => KeyValuePair.Create(property.Key, Sample(property.Value!, document, property.Key, depth + 1)))
                    .Where(property => property.Value is not null)),
            "array" => new JsonArray(Sample(schema["items"] ?? new JsonObject(), document, null, depth + 1)),
            "integer" or "number" => 1,
            "boolean" => true,
            "null" => null,
            _ => "fuzz",
        };
    }

    /// <summary>The schema's type; "null" only when it allows nothing else.</summary>
    private static string TypeOf(JsonNode schema) => schema["type"] switch
    {
        JsonArray types => types.Select(type => type!.GetValue<string>()).FirstOrDefault(type => type != "null") ?? "null",
        JsonValue type => type.GetValue<string>(),
        _ => schema["properties"] is not null ? "object" : "string",
    };

    private static JsonNode Resolve(JsonNode document, string reference) =>
        reference.TrimStart('#', '/').Split('/').Aggregate(document, (node, segment) => node[segment]!);

    /// <summary>Values by property name that pass each contract's validation (two fields never go together: campaignsExclude is left out).</summary>
    private static readonly Dictionary<string, JsonNode?> PlausibleValues = new(StringComparer.Ordinal)
    {
        ["name"] = "Fuzz",
        ["detail"] = "made by the fuzzer",
        ["username"] = "fuzz-person",
        ["password"] = "a long enough password",
        ["permission"] = "planner",
        ["type"] = "tel",
        ["target"] = "+15559876543",
        ["target_name"] = "",
        ["dial_timeout"] = 30000,
        ["try_interval"] = 600000,
        ["max_try_count_0"] = 5,
        ["max_try_count_1"] = 5,
        ["max_try_count_2"] = 5,
        ["max_try_count_3"] = 5,
        ["max_try_count_4"] = 5,
        ["expire"] = 2592000,
        ["number"] = "+12135550100",
        ["status"] = "active",
        ["managed"] = true,
        ["campaignType"] = "outbound",
        ["inboundCampaigns"] = new JsonArray("in"),
        ["campaigns"] = new JsonArray("out"),
        ["campaignsExclude"] = null,
        ["dateStart"] = "2026-05-01",
        ["dateEnd"] = "2026-05-28",
        ["dailyDialsTarget"] = "BETTER",
        ["groupBy"] = "area_code",
        ["inventoryMode"] = "managed",
        ["country"] = "us",
        ["callId"] = "fuzz-call",
        ["campaign"] = "out",
        ["dialedAt"] = "2026-05-04T10:00:00-07:00",
        ["prospectNumber"] = "+12135550123",
        ["aniNumber"] = "+12135550100",
        ["prospectZip"] = "90012",
        ["contacted"] = true,
    };
}
