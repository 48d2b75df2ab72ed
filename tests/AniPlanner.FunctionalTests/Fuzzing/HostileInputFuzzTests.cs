using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using AniPlanner.FunctionalTests.Infrastructure;

namespace AniPlanner.FunctionalTests.Fuzzing;

/// <summary>
/// The fuzzer as a test: every operation of the OpenAPI document the service serves gets a
/// bounded number of seeded, hostile requests (bad bodies, types, encodings, content types,
/// ids, query strings, credentials and headers), with valid credentials and without, and no
/// answer may be a 5xx or a 4xx outside its contract's envelope. The seed is fixed so a failure
/// reproduces; ANIPLANNER_FUZZ_SEED and ANIPLANNER_FUZZ_CASES explore further on demand, and
/// ANIPLANNER_FUZZ_REPORT=&lt;path&gt; writes every failure there (one file per database).
/// </summary>
public sealed class HostileInputFuzzTests(DatabaseKind kind) : ApiTestBase(kind)
{
    private const int DefaultSeed = 20261124;

    /// <summary>About 5,000 requests a database: some 15 s on SQLite and 35 s on PostgreSQL on a 2-core machine.</summary>
    private const int DefaultCasesPerOperation = 150;

    private static int Seed => int.TryParse(Environment.GetEnvironmentVariable("ANIPLANNER_FUZZ_SEED"), CultureInfo.InvariantCulture, out var seed) ? seed : DefaultSeed;

    private static int CasesPerOperation =>
        int.TryParse(Environment.GetEnvironmentVariable("ANIPLANNER_FUZZ_CASES"), CultureInfo.InvariantCulture, out var cases) ? cases : DefaultCasesPerOperation;

    [Test]
    public async Task No_hostile_request_gets_a_5xx_or_an_answer_outside_its_contract()
    {
        // Its own service: the fuzzer sends more requests a minute than a customer may.
        await using var service = new AniPlannerFactory(Factory.Database, new Dictionary<string, string?> { ["RateLimiting:RequestsPerMinute"] = "1000000" });
        using var client = service.CreateClient();
        var targets = await ArrangeAsync(client);
        var document = JsonNode.Parse(await client.GetStringAsync("/openapi/v1.json"))!;
        var operations = ServedOperations.Read(document);
        Assert.That(operations, Has.Count.EqualTo(ServedOperations.CountIn(document)), "every operation the document lists is fuzzed");
        Assert.That(operations.Select(operation => operation.Name), Has.Member("POST /auth/login").And.Member("POST /ani-planner/dials").And.Member("DELETE /v1.0/customers/{id}"));

        var failures = new List<string>();
        var statuses = new SortedDictionary<int, int>();
        var clock = Stopwatch.StartNew();
        foreach (var operation in operations)
        {
            var mutator = new RequestMutator(operation, targets, new Random(Seed ^ StableHash(operation.Name)));
            for (var caseNumber = 0; caseNumber < CasesPerOperation; caseNumber++)
            {
                var request = mutator.Build(caseNumber);
                var (status, problems) = await SendAsync(client, request);
                statuses[status] = statuses.GetValueOrDefault(status) + 1;
                if (problems.Count > 0)
                {
                    failures.Add($"{string.Join("; ", problems)}\n  {request}");
                }
            }
        }

        await TestContext.Progress.WriteLineAsync(
            $"{Kind}: fuzzed {operations.Count} operations × {CasesPerOperation} cases (seed {Seed}) in {clock.Elapsed.TotalSeconds:F1} s; " +
            $"statuses {string.Join(", ", statuses.Select(pair => $"{pair.Key}×{pair.Value}"))}");
        if (Environment.GetEnvironmentVariable("ANIPLANNER_FUZZ_REPORT") is { Length: > 0 } report)
        {
            await File.WriteAllTextAsync($"{report}.{Kind}.txt", string.Join("\n\n", failures), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        }

        if (failures.Count > 0)
        {
            Assert.Fail($"{failures.Count} of {operations.Count * CasesPerOperation} requests (seed {Seed}) were answered wrongly; the first ones:\n\n" +
                string.Join("\n\n", failures.Take(25)));
        }
    }

    private static async Task<(int Status, IReadOnlyList<string> Problems)> SendAsync(HttpClient client, FuzzRequest request)
    {
        try
        {
            using var message = request.ToHttpRequest();
            using var response = await client.SendAsync(message);
            var body = await response.Content.ReadAsStringAsync();
            var problems = ResponseOracle.Problems(request, response, body);
            return ((int)response.StatusCode, problems.Count == 0 ? problems : [.. problems, $"answer: {Excerpts.Cut(body, 400)}"]);
        }
        catch (HttpRequestException failure)
        {
            return (0, [$"no answer: {failure.Message}"]);
        }
        catch (InvalidOperationException failure)
        {
            // The in-memory server rethrows what escaped the pipeline after the answer started.
            return (0, [$"no answer: {failure.GetType().Name}: {failure.Message}"]);
        }
    }

    /// <summary>A customer with data and one credential of each kind, and spare resources for the path ids (deleting them hurts nothing).</summary>
    private static async Task<FuzzTargets> ArrangeAsync(HttpClient client)
    {
        var customer = await SendOkAsync(client, HttpMethod.Post, "/v1.0/customers", AniPlannerFactory.AdminKey, """{"name":"Fuzzed Dialers"}""");
        var admin = customer["accesskey"]!["token"]!.GetValue<string>();
        var spareCustomer = await SendOkAsync(client, HttpMethod.Post, "/v1.0/customers", AniPlannerFactory.AdminKey, """{"name":"Spare"}""");
        var planner = await SendOkAsync(client, HttpMethod.Post, "/v1.0/accesskeys", admin, """{"name":"planner","permission":"planner"}""");
        var spareKey = await SendOkAsync(client, HttpMethod.Post, "/v1.0/accesskeys", admin, """{"name":"spare","permission":"planner"}""");
        await SendOkAsync(client, HttpMethod.Post, "/v1.0/users", admin, """{"username":"fuzz-manager","password":"a long enough password","permission":"manager"}""");
        var spareUser = await SendOkAsync(client, HttpMethod.Post, "/v1.0/users", admin, """{"username":"fuzz-spare","password":"a long enough password","permission":"planner"}""");
        var login = await SendOkAsync(client, HttpMethod.Post, "/auth/login", null, """{"username":"fuzz-manager","password":"a long enough password"}""");
        var outplan = await SendOkAsync(client, HttpMethod.Post, "/v1.0/outplans", admin, """{"name":"fuzzed","dial_timeout":30000,"try_interval":600000}""");
        await SendOkAsync(client, HttpMethod.Put, "/ani-planner/campaigns/in", admin, """{"name":"In","campaignType":"inbound"}""");
        await SendOkAsync(client, HttpMethod.Put, "/ani-planner/campaigns/out", admin, """{"name":"Out","campaignType":"outbound","inboundCampaigns":["in"]}""");
        await SendOkAsync(client, HttpMethod.Post, "/ani-planner/anis", admin, """[{"number":"+12135550100","status":"active","managed":true}]""");
        await SendOkAsync(client, HttpMethod.Post, "/ani-planner/dials", admin,
            "callId,campaign,dialedAt,prospectNumber,aniNumber,contacted\nseed-1,out,2026-05-04T10:00:00-07:00,+12135550123,+12135550100,true\n", "text/csv");

        return new FuzzTargets(
            admin,
            login["token"]!.GetValue<string>(),
            planner["token"]!.GetValue<string>(),
            AniPlannerFactory.AdminKey,
            new Dictionary<string, string>
            {
                ["/v1.0/outplans"] = outplan["id"]!.GetValue<string>(),
                ["/v1.0/accesskeys"] = spareKey["id"]!.GetValue<string>(),
                ["/v1.0/users"] = spareUser["id"]!.GetValue<string>(),
                ["/v1.0/customers"] = spareCustomer["id"]!.GetValue<string>(),
                ["/ani-planner/campaigns"] = "out",
            });
    }

    private static async Task<JsonNode> SendOkAsync(HttpClient client, HttpMethod method, string url, string? token, string body, string contentType = "application/json")
    {
        using var request = token is null ? new HttpRequestMessage(method, url) : ServiceArrangements.Authorized(method, url, token);
        request.Content = new StringContent(body, Encoding.UTF8, contentType);
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), $"{method} {url}: {text}");
        return JsonNode.Parse(text)!;
    }

    /// <summary>The same number for the same name in every process (string.GetHashCode is randomised per process).</summary>
    private static int StableHash(string text) =>
        Encoding.UTF8.GetBytes(text).Aggregate(unchecked((int)2166136261), (hash, next) => unchecked((hash ^ next) * 16777619));
}
