using System.Net;
using System.Text.Json.Nodes;
using AniPlanner.FunctionalTests.Infrastructure;
using AniPlanner.FunctionalTests.Outplans;
using NJsonSchema;

namespace AniPlanner.FunctionalTests.Hosting;

/// <summary>
/// The document cannot lie: real answers of every endpoint, successes and errors, validate
/// against the schema the OpenAPI document gives for that path, method and status.
/// </summary>
public sealed class ResponseSchemaTests(DatabaseKind kind) : ApiTestBase(kind)
{
    private JsonNode _document = null!;

    [SetUp]
    public async Task LoadDocument() => _document = JsonNode.Parse(await Client.GetStringAsync("/openapi/v1.json"))!;

    [Test]
    public async Task Every_endpoints_answers_match_the_documented_schemas()
    {
        var (customerId, admin) = await CreateCustomerAsync();
        var customer = customerId.ToString();

        // VoIPBIN contract: outplans.
        var outplan = await Checked("POST", "/v1.0/outplans", "/v1.0/outplans", admin, OutplanTestData.CreateBody());
        var outplanId = outplan!["id"]!.GetValue<string>();
        await Checked("GET", "/v1.0/outplans", "/v1.0/outplans", admin);
        await Checked("GET", $"/v1.0/outplans/{outplanId}", "/v1.0/outplans/{id}", admin);
        await Checked("PUT", $"/v1.0/outplans/{outplanId}", "/v1.0/outplans/{id}", admin, new JsonObject { ["name"] = "x" });
        await Checked("PUT", $"/v1.0/outplans/{outplanId}/dial_info", "/v1.0/outplans/{id}/dial_info", admin, new JsonObject { ["dial_timeout"] = 30000, ["try_interval"] = 60000 });
        await Checked("DELETE", $"/v1.0/outplans/{outplanId}", "/v1.0/outplans/{id}", admin);

        // Access keys, users, login, audit trail, customers.
        var key = await Checked("POST", "/v1.0/accesskeys", "/v1.0/accesskeys", admin, new JsonObject { ["name"] = "k", ["permission"] = "planner", ["expire"] = 86400 });
        var keyId = key!["id"]!.GetValue<string>();
        await Checked("GET", "/v1.0/accesskeys", "/v1.0/accesskeys", admin);
        await Checked("GET", $"/v1.0/accesskeys/{keyId}", "/v1.0/accesskeys/{id}", admin);
        await Checked("PUT", $"/v1.0/accesskeys/{keyId}", "/v1.0/accesskeys/{id}", admin, new JsonObject { ["name"] = "renamed" });
        await Checked("DELETE", $"/v1.0/accesskeys/{keyId}", "/v1.0/accesskeys/{id}", admin);
        var user = await Checked("POST", "/v1.0/users", "/v1.0/users", admin, new JsonObject { ["username"] = "schema", ["password"] = "long enough password", ["permission"] = "admin" });
        var userId = user!["id"]!.GetValue<string>();
        await Checked("GET", "/v1.0/users", "/v1.0/users", admin);
        await Checked("GET", $"/v1.0/users/{userId}", "/v1.0/users/{id}", admin);
        await Checked("PUT", $"/v1.0/users/{userId}", "/v1.0/users/{id}", admin, new JsonObject { ["name"] = "n", ["permission"] = "admin" });
        await Checked("PUT", $"/v1.0/users/{userId}/password", "/v1.0/users/{id}/password", admin, new JsonObject { ["password"] = "another long password" });
        await Checked("POST", "/auth/login", "/auth/login", null, new JsonObject { ["username"] = "schema", ["password"] = "another long password" });
        await Checked("DELETE", $"/v1.0/users/{userId}", "/v1.0/users/{id}", admin);
        await Checked("GET", "/v1.0/audit_logs", "/v1.0/audit_logs", admin);
        await Checked("GET", "/v1.0/customers", "/v1.0/customers", AniPlannerFactory.AdminKey);
        await Checked("GET", $"/v1.0/customers/{customer}", "/v1.0/customers/{id}", AniPlannerFactory.AdminKey);
        await Checked("PUT", $"/v1.0/customers/{customer}", "/v1.0/customers/{id}", AniPlannerFactory.AdminKey, new JsonObject { ["name"] = "Renamed" });
        var other = await Checked("POST", "/v1.0/customers", "/v1.0/customers", AniPlannerFactory.AdminKey, new JsonObject { ["name"] = "Other" });
        await Checked("DELETE", $"/v1.0/customers/{other!["id"]}", "/v1.0/customers/{id}", AniPlannerFactory.AdminKey);

        // ANI Planner contract.
        await Checked("PUT", "/ani-planner/campaigns/in-1", "/ani-planner/campaigns/{internalIdentifier}", admin, new JsonObject { ["name"] = "In", ["campaignType"] = "inbound" });
        await Checked("PUT", "/ani-planner/campaigns/out-1", "/ani-planner/campaigns/{internalIdentifier}", admin,
            new JsonObject { ["name"] = "Out", ["campaignType"] = "outbound", ["inboundCampaigns"] = new JsonArray("in-1") });
        await Checked("GET", "/ani-planner/campaigns", "/ani-planner/campaigns", admin);
        await Checked("POST", "/ani-planner/anis", "/ani-planner/anis", admin, JsonNode.Parse("""[{"number":"+12135550100","status":"active","managed":true},{"number":"x"}]"""));
        await Checked("GET", "/ani-planner/anis", "/ani-planner/anis", admin);
        await Checked("POST", "/ani-planner/dials", "/ani-planner/dials", admin, JsonNode.Parse(
            """[{"callId":"s1","campaign":"out-1","dialedAt":"2026-05-04T10:00:00Z","prospectNumber":"+12135550123","aniNumber":"+12135550100","contacted":true},{"callId":"s2"}]"""));
        await Checked("POST", "/ani-planner/generate", "/ani-planner/generate", admin, new JsonObject { ["dateStart"] = "2026-05-01", ["dateEnd"] = "2026-05-29" });
        await Checked("GET", "/ani-planner/regions?country=uk", "/ani-planner/regions", admin);
        await Checked("GET", "/ani-planner/settings", "/ani-planner/settings", admin);
        await Checked("PUT", "/ani-planner/settings", "/ani-planner/settings", admin, new JsonObject { ["country"] = "us" });
        await Checked("PUT", "/ani-planner/dispositions/sale", "/ani-planner/dispositions/{dispositionId}", admin,
            new JsonObject { ["name"] = "Sale", ["type"] = "Agent", ["contact"] = true, ["success"] = true });
        await Checked("GET", "/ani-planner/dispositions", "/ani-planner/dispositions", admin);
        await Checked("GET", "/ani-planner/dispositions/sale", "/ani-planner/dispositions/{dispositionId}", admin);
        await Checked("POST", "/dials", "/dials", admin, JsonNode.Parse(
            """[{"dial_id":"s3","campaign_id":"out-1","ani":"2135550100","prospect_phone":"2135550123","datetime":"2026-05-04 10:00:00","disposition_name":"Sale"},{"dial_id":"s4"},{"dial_id":"s5","call_direction":"SMS"}]"""));
        await Checked("GET", "/ani-planner/anis/usage?dateStart=2026-05-01&dateEnd=2026-05-29", "/ani-planner/anis/usage", admin);
        await Checked("DELETE", "/ani-planner/dispositions/sale", "/ani-planner/dispositions/{dispositionId}", admin);
    }

    [Test]
    public async Task Error_answers_match_the_documented_envelopes()
    {
        var (_, admin) = await CreateCustomerAsync();
        var planner = (await SendAsync(HttpMethod.Post, "/v1.0/accesskeys", admin, new JsonObject { ["name"] = "p", ["permission"] = "planner" })).Body!["token"]!.GetValue<string>();

        await Checked("POST", "/v1.0/outplans", "/v1.0/outplans", admin, new JsonObject { ["dial_timeout"] = 30 }, HttpStatusCode.BadRequest);
        await Checked("GET", "/v1.0/outplans", "/v1.0/outplans", null, null, HttpStatusCode.Unauthorized);
        await Checked("GET", "/v1.0/outplans", "/v1.0/outplans", planner, null, HttpStatusCode.Forbidden);
        await Checked("GET", $"/v1.0/outplans/{Guid.NewGuid()}", "/v1.0/outplans/{id}", admin, null, HttpStatusCode.NotFound);
        await Checked("POST", "/auth/login", "/auth/login", null, new JsonObject { ["username"] = "nobody", ["password"] = "nothing at all" }, HttpStatusCode.Unauthorized);
        await Checked("POST", "/ani-planner/generate", "/ani-planner/generate", admin, new JsonObject { ["groupBy"] = "state" }, HttpStatusCode.BadRequest);
        await Checked("POST", "/ani-planner/generate", "/ani-planner/generate", null, new JsonObject(), HttpStatusCode.Unauthorized);
        await Checked("PUT", "/ani-planner/settings", "/ani-planner/settings", planner, new JsonObject { ["country"] = "us" }, HttpStatusCode.Forbidden);
        await Checked("GET", "/ani-planner/dispositions/none", "/ani-planner/dispositions/{dispositionId}", admin, null, HttpStatusCode.NotFound);
        await Checked("POST", "/dials", "/dials", planner, new JsonArray(), HttpStatusCode.Forbidden);
        await Checked("GET", "/ani-planner/anis/usage?page=0", "/ani-planner/anis/usage", admin, null, HttpStatusCode.BadRequest);
    }

    [Test]
    public async Task The_validation_rejects_an_answer_of_the_wrong_shape()
    {
        var schema = await SchemaFor("/v1.0/outplans", "get", "200");

        var errors = schema.Validate("""{"result": "not a list", "next_page_token": 7}""");

        Assert.That(errors, Has.Count.EqualTo(2), "the guard: a wrong answer does not pass");
    }

    private async Task<JsonSchema> SchemaFor(string template, string method, string status)
    {
        var schemaNode = _document["paths"]?[template]?[method]?["responses"]?[status]?["content"]?["application/json"]?["schema"];
        Assert.That(schemaNode, Is.Not.Null, $"{method} {template} documents no {status} JSON answer");

        // A standalone JSON Schema: the document's component schemas become its definitions (a
        // keyword the validator resolves references through), the answer's schema sits in allOf
        // (beside a root $ref, other keywords would be ignored).
        var standalone = new JsonObject
        {
            ["allOf"] = new JsonArray(schemaNode!.DeepClone()),
            ["definitions"] = _document["components"]!["schemas"]!.DeepClone(),
        };
        return await JsonSchema.FromJsonAsync(standalone.ToJsonString().Replace("#/components/schemas/", "#/definitions/", StringComparison.Ordinal));
    }

    private async Task<JsonNode?> Checked(
        string method, string url, string template, string? token, JsonNode? body = null, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var (status, answer) = await SendAsync(new HttpMethod(method), url, token, body);
        Assert.That(status, Is.EqualTo(expected), $"{method} {url}: {answer?.ToJsonString()}");

        var schema = await SchemaFor(template, method.ToLowerInvariant(), ((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture));
        var errors = schema.Validate(answer!.ToJsonString());
        Assert.That(errors.Select(error => $"{error.Path}: {error.Kind}"), Is.Empty, $"{method} {url} answered outside its documented schema: {answer.ToJsonString()}");
        return answer;
    }
}
