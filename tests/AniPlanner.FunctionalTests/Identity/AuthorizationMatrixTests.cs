using System.Net;
using System.Text.Json.Nodes;
using AniPlanner.FunctionalTests.Infrastructure;
using AniPlanner.FunctionalTests.Outplans;

namespace AniPlanner.FunctionalTests.Identity;

/// <summary>
/// Every endpoint × every kind of credential: a permission that reaches answers the endpoint's
/// success, one that does not answers 403 in the endpoint's envelope (never 401, 404 or 200).
/// </summary>
public sealed class AuthorizationMatrixTests(DatabaseKind kind) : ApiTestBase(kind)
{
    public enum Caller
    {
        Admin,
        Manager,
        Planner,
        PlatformAdmin,
    }

    /// <summary>(method, path template, body, the least permission that reaches it; null = platform admin only).</summary>
    private static readonly (string Method, string Path, string? Body, Caller? Least)[] Endpoints =
    [
        ("GET", "/v1.0/outplans", null, Caller.Manager),
        ("POST", "/v1.0/outplans", """{"dial_timeout":30000,"try_interval":60000}""", Caller.Manager),
        ("GET", "/v1.0/outplans/{outplan}", null, Caller.Manager),
        ("PUT", "/v1.0/outplans/{outplan}", """{"name":"x"}""", Caller.Manager),
        ("PUT", "/v1.0/outplans/{outplan}/dial_info", """{"dial_timeout":30000,"try_interval":60000}""", Caller.Manager),
        ("DELETE", "/v1.0/outplans/{outplan}", null, Caller.Manager),
        ("GET", "/v1.0/accesskeys", null, Caller.Admin),
        ("POST", "/v1.0/accesskeys", """{"name":"k","permission":"planner"}""", Caller.Admin),
        ("GET", "/v1.0/accesskeys/{key}", null, Caller.Admin),
        ("PUT", "/v1.0/accesskeys/{key}", """{"name":"renamed"}""", Caller.Admin),
        ("DELETE", "/v1.0/accesskeys/{key}", null, Caller.Admin),
        ("GET", "/v1.0/users", null, Caller.Admin),
        ("POST", "/v1.0/users", """{"username":"matrix-new","password":"long enough password","permission":"planner"}""", Caller.Admin),
        ("GET", "/v1.0/users/{user}", null, Caller.Admin),
        ("PUT", "/v1.0/users/{user}", """{"name":"renamed","permission":"manager"}""", Caller.Admin),
        ("PUT", "/v1.0/users/{user}/password", """{"password":"another long password"}""", Caller.Admin),
        ("DELETE", "/v1.0/users/{user}", null, Caller.Admin),
        ("GET", "/v1.0/audit_logs", null, Caller.Admin),
        ("POST", "/ani-planner/generate", "{}", Caller.Planner),
        ("GET", "/ani-planner/campaigns", null, Caller.Planner),
        ("PUT", "/ani-planner/campaigns/out-1", """{"name":"Out","campaignType":"outbound"}""", Caller.Manager),
        ("GET", "/ani-planner/anis", null, Caller.Planner),
        ("POST", "/ani-planner/anis", """[{"number":"+12135550100","status":"active","managed":true}]""", Caller.Manager),
        ("POST", "/ani-planner/dials", "[]", Caller.Manager),
        ("GET", "/ani-planner/regions?country=us", null, Caller.Planner),
        ("GET", "/ani-planner/settings", null, Caller.Planner),
        ("PUT", "/ani-planner/settings", """{"country":"us"}""", Caller.Manager),
        ("GET", "/ani-planner/dispositions", null, Caller.Planner),
        ("PUT", "/ani-planner/dispositions/sale", """{"name":"Sale","type":"Agent","contact":true,"success":true}""", Caller.Manager),
        ("GET", "/ani-planner/anis/usage", null, Caller.Planner),
        ("POST", "/dials", "[]", Caller.Manager),
        ("GET", "/v1.0/customers", null, null),
        ("POST", "/v1.0/customers", """{"name":"Another"}""", null),
        ("GET", "/v1.0/customers/{customer}", null, null),
        ("PUT", "/v1.0/customers/{customer}", """{"name":"Renamed"}""", null),
        ("DELETE", "/v1.0/customers/{customer}", null, null),
    ];

    private static IEnumerable<TestCaseData> Cases() =>
        from endpoint in Endpoints
        from caller in Enum.GetValues<Caller>()
        select new TestCaseData(endpoint.Method, endpoint.Path, endpoint.Body, endpoint.Least, caller)
            .SetArgDisplayNames(endpoint.Method, endpoint.Path, caller.ToString());

    [TestCaseSource(nameof(Cases))]
    public async Task A_credential_reaches_exactly_what_its_permission_allows(string method, string path, string? body, Caller? least, Caller caller)
    {
        var (customerId, adminToken) = await CreateCustomerAsync();
        var tokens = new Dictionary<Caller, string>
        {
            [Caller.Admin] = adminToken,
            [Caller.Manager] = await IssueKeyAsync(adminToken, "manager"),
            [Caller.Planner] = await IssueKeyAsync(adminToken, "planner"),
            [Caller.PlatformAdmin] = AniPlannerFactory.AdminKey,
        };
        var url = path
            .Replace("{outplan}", await CreateOutplanAsync(adminToken), StringComparison.Ordinal)
            .Replace("{key}", (await IssueKeyResponseAsync(adminToken, "planner"))["id"]!.GetValue<string>(), StringComparison.Ordinal)
            .Replace("{customer}", customerId.ToString(), StringComparison.Ordinal)
            .Replace("{user}", await CreateUserAsync(adminToken), StringComparison.Ordinal);

        var (status, answer) = await SendRawAsync(new HttpMethod(method), url, tokens[caller], body);

        var allowed = least is null ? caller == Caller.PlatformAdmin : caller != Caller.PlatformAdmin && caller <= least;
        if (allowed)
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.OK), answer?.ToJsonString());
            return;
        }

        Assert.That(status, Is.EqualTo(HttpStatusCode.Forbidden), answer?.ToJsonString());
        if (url.StartsWith("/ani-planner", StringComparison.Ordinal) || url.StartsWith("/dials", StringComparison.Ordinal))
        {
            Assert.That(answer!["success"]!.GetValue<bool>(), Is.False);
            Assert.That(answer["message"]!.GetValue<string>(), Is.Not.Empty);
        }
        else
        {
            Assert.That(answer!["error"]!["status"]!.GetValue<string>(), Is.EqualTo("PERMISSION_DENIED"));
        }
    }

    private static IEnumerable<TestCaseData> ForeignCases() =>
        from endpoint in Endpoints
        where endpoint.Least is not null && (endpoint.Path.Contains("{outplan}", StringComparison.Ordinal)
            || endpoint.Path.Contains("{key}", StringComparison.Ordinal) || endpoint.Path.Contains("{user}", StringComparison.Ordinal))
        from caller in new[] { Caller.Admin, Caller.Manager, Caller.Planner }
        select new TestCaseData(endpoint.Method, endpoint.Path, endpoint.Body, endpoint.Least!.Value, caller)
            .SetArgDisplayNames(endpoint.Method, endpoint.Path, caller.ToString());

    /// <summary>Another customer's resource: 404 exactly like a missing one where the permission reaches, else 403.</summary>
    [TestCaseSource(nameof(ForeignCases))]
    public async Task Another_customers_resource_is_404_or_403_never_reached(string method, string path, string? body, Caller least, Caller caller)
    {
        var (_, ownerAdmin) = await CreateCustomerAsync("Owner");
        var (_, otherAdmin) = await CreateCustomerAsync("Other");
        var otherTokens = new Dictionary<Caller, string>
        {
            [Caller.Admin] = otherAdmin,
            [Caller.Manager] = await IssueKeyAsync(otherAdmin, "manager"),
            [Caller.Planner] = await IssueKeyAsync(otherAdmin, "planner"),
        };
        var url = path
            .Replace("{outplan}", await CreateOutplanAsync(ownerAdmin), StringComparison.Ordinal)
            .Replace("{key}", (await IssueKeyResponseAsync(ownerAdmin, "planner"))["id"]!.GetValue<string>(), StringComparison.Ordinal)
            .Replace("{user}", await CreateUserAsync(ownerAdmin), StringComparison.Ordinal);

        var (status, answer) = await SendRawAsync(new HttpMethod(method), url, otherTokens[caller], body);

        Assert.That(status, Is.EqualTo(caller <= least ? HttpStatusCode.NotFound : HttpStatusCode.Forbidden), answer?.ToJsonString());
    }

    /// <summary>The least permission that reaches, the higher ones in brackets: never a list a planner could read as including itself.</summary>
    [TestCase("GET", "/v1.0/outplans", null, "planner", "This needs the manager permission (or admin); this credential has 'planner'.")]
    [TestCase("PUT", "/ani-planner/settings", """{"country":"us"}""", "planner", "This needs the manager permission (or admin); this credential has 'planner'.")]
    [TestCase("GET", "/v1.0/users", null, "manager", "This needs the admin permission; this credential has 'manager'.")]
    public async Task A_forbidden_answer_names_the_permission_needed_and_the_one_held(string method, string url, string? body, string held, string expected)
    {
        var (_, adminToken) = await CreateCustomerAsync();
        var token = await IssueKeyAsync(adminToken, held);

        var (status, answer) = await SendRawAsync(new HttpMethod(method), url, token, body);

        Assert.That(status, Is.EqualTo(HttpStatusCode.Forbidden));
        var message = url.StartsWith("/ani-planner", StringComparison.Ordinal) ? answer!["message"] : answer!["error"]!["message"];
        Assert.That(message!.GetValue<string>(), Is.EqualTo(expected));
    }

    private async Task<string> CreateOutplanAsync(string token) =>
        (await SendAsync(HttpMethod.Post, "/v1.0/outplans", token, OutplanTestData.CreateBody())).Body!["id"]!.GetValue<string>();

    private async Task<string> CreateUserAsync(string adminToken) =>
        (await SendAsync(HttpMethod.Post, "/v1.0/users", adminToken,
            new JsonObject { ["username"] = "matrix-user", ["password"] = "long enough password", ["permission"] = "planner" })).Body!["id"]!.GetValue<string>();

    private async Task<string> IssueKeyAsync(string adminToken, string permission) =>
        (await IssueKeyResponseAsync(adminToken, permission))["token"]!.GetValue<string>();

    private async Task<JsonNode> IssueKeyResponseAsync(string adminToken, string permission)
    {
        var (status, body) = await SendAsync(HttpMethod.Post, "/v1.0/accesskeys", adminToken, new JsonObject { ["name"] = permission, ["permission"] = permission });
        Assert.That(status, Is.EqualTo(HttpStatusCode.OK), body?.ToJsonString());
        return body!;
    }
}
