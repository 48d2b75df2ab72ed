using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using AniPlanner.FunctionalTests.Infrastructure;
using AniPlanner.Tests.Shared;

namespace AniPlanner.FunctionalTests.Hosting;

/// <summary>
/// Two instances of the service on one database and one Redis (Redis:Configuration), as behind a
/// load balancer: login throttling and each customer's request rate hold across both, and a
/// Redis outage refuses logins, serves everything else and makes readiness fail.
/// </summary>
public sealed class SeveralInstancesTests(DatabaseKind kind) : ApiTestBase(kind)
{
    private const string Password = "correct horse battery";
    private const string Here = "198.51.100.7";

    [Test]
    public async Task A_password_guessing_run_spread_over_both_instances_is_throttled_at_the_configured_count()
    {
        await using var redis = await LocalRedisServer.StartOrSkipAsync();
        var settings = new Dictionary<string, string?> { ["Auth:Throttling:FreeLoginFailures"] = "3" };
        await using var first = Instance(redis, settings);
        await using var second = Instance(redis, settings);
        using var clients = new Pair(first.CreateClient(), second.CreateClient());
        await CreateUserAsync("guessed");

        for (var guess = 0; guess < 3; guess++)
        {
            var answer = await LoginAsync(clients[guess], "guessed", $"guess {guess}");
            Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.Unauthorized), $"free failure {guess + 1}");
        }

        // One instance alone would allow three more: the count is shared.
        foreach (var client in clients)
        {
            var refused = await LoginAsync(client, "guessed", Password);
            AssertError((refused.Status, refused.Body), HttpStatusCode.TooManyRequests, "RESOURCE_EXHAUSTED", "TOO_MANY_REQUESTS", "Too many failed logins");
            Assert.That(refused.RetryAfter, Is.EqualTo(TimeSpan.FromSeconds(1)), "the first wait, whichever instance answers");
        }
    }

    [Test]
    public async Task One_customers_requests_over_both_instances_respect_its_rate()
    {
        await using var redis = await LocalRedisServer.StartOrSkipAsync();
        var settings = new Dictionary<string, string?> { ["RateLimiting:RequestsPerMinute"] = "4" };
        await using var first = Instance(redis, settings);
        await using var second = Instance(redis, settings);
        using var clients = new Pair(first.CreateClient(), second.CreateClient());
        var (_, busy) = await CreateCustomerAsync("Busy");
        var (_, quiet) = await CreateCustomerAsync("Quiet");

        var statuses = new List<HttpStatusCode>();
        for (var call = 0; call < 6; call++)
        {
            using var response = await ListOutplansAsync(clients[call], busy);
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Assert.That(response.Headers.RetryAfter?.Delta, Is.GreaterThan(TimeSpan.Zero).And.LessThanOrEqualTo(TimeSpan.FromMinutes(1)));
                var error = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["error"]!;
                Assert.That(error["reason"]!.GetValue<string>(), Is.EqualTo("RATE_LIMITED"));
            }
        }

        Assert.That(statuses, Is.EqualTo(Enumerable.Repeat(HttpStatusCode.OK, 4).Concat(Enumerable.Repeat(HttpStatusCode.TooManyRequests, 2))));
        using var other = await ListOutplansAsync(clients[1], quiet);
        Assert.That(other.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the rate is per customer");
    }

    [Test]
    public async Task With_Redis_stopped_logins_are_refused_other_requests_served_readiness_fails_and_it_is_logged_once()
    {
        await using var redis = await LocalRedisServer.StartOrSkipAsync();
        await using var first = Instance(redis);
        await using var second = Instance(redis);
        using var clients = new Pair(first.CreateClient(), second.CreateClient());
        await CreateUserAsync("steady");
        var (_, token) = await CreateCustomerAsync("Steady");
        foreach (var client in clients)
        {
            Assert.That((await LoginAsync(client, "steady", Password)).Status, Is.EqualTo(HttpStatusCode.OK));
            using var ready = await client.GetAsync("/health/ready");
            Assert.That(ready.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }

        await redis.StopAsync();

        foreach (var client in clients)
        {
            for (var round = 0; round < 3; round++)
            {
                var refused = await LoginAsync(client, "steady", Password);
                AssertError((refused.Status, refused.Body), HttpStatusCode.TooManyRequests, "RESOURCE_EXHAUSTED", "TOO_MANY_REQUESTS", "Logins are paused");
                Assert.That(refused.RetryAfter, Is.EqualTo(TimeSpan.FromSeconds(5)));

                using var served = await ListOutplansAsync(client, token);
                Assert.That(served.StatusCode, Is.EqualTo(HttpStatusCode.OK), "an access key still works");

                using var ready = await client.GetAsync("/health/ready");
                Assert.That(ready.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
            }
        }

        foreach (var instance in (AniPlannerFactory[])[first, second])
        {
            Assert.That(instance.Logs.Lines.Count(line => line.Contains("Redis is unreachable", StringComparison.Ordinal)), Is.EqualTo(1),
                "once per outage, not per request");
        }
    }

    [TestCase("127.0.0.1:6379,abortConnect=maybe")]
    [TestCase("127.0.0.1:6379,nonsense=1")]
    [TestCase("password=only")]
    [TestCase(" ")]
    public async Task A_configuration_string_that_cannot_work_stops_start_up_naming_the_setting(string configuration)
    {
        await using var service = new AniPlannerFactory(Factory.Database, new Dictionary<string, string?> { ["Redis:Configuration"] = configuration });

        var failure = Assert.Catch(() => service.CreateClient().Dispose());

        Assert.That(failure!.Message, Does.Contain("Redis:Configuration"));
    }

    private AniPlannerFactory Instance(LocalRedisServer redis, Dictionary<string, string?>? settings = null) =>
        new(Factory.Database, new Dictionary<string, string?>(settings ?? []) { ["Redis:Configuration"] = redis.Configuration });

    private async Task CreateUserAsync(string username)
    {
        var (_, admin) = await CreateCustomerAsync(username);
        var (status, body) = await SendAsync(HttpMethod.Post, "/v1.0/users", admin,
            new JsonObject { ["username"] = username, ["password"] = Password, ["permission"] = "planner" });
        Assert.That(status, Is.EqualTo(HttpStatusCode.OK), body?.ToJsonString());
    }

    private static Task<HttpResponseMessage> ListOutplansAsync(HttpClient client, string token) =>
        client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/v1.0/outplans") { Headers = { Authorization = new("Bearer", token) } });

    private static async Task<Answer> LoginAsync(HttpClient client, string username, string password)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/auth/login")
        {
            Content = new StringContent(new JsonObject { ["username"] = username, ["password"] = password }.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.Add(AniPlannerFactory.ClientAddressHeader, Here);
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return new Answer(response.StatusCode, response.Headers.RetryAfter?.Delta, text.Length == 0 ? null : JsonNode.Parse(text));
    }

    private sealed record Answer(HttpStatusCode Status, TimeSpan? RetryAfter, JsonNode? Body);

    /// <summary>A client of each instance; the n-th request goes to one, the next to the other.</summary>
    private sealed class Pair(HttpClient first, HttpClient second) : IDisposable, IEnumerable<HttpClient>
    {
        public HttpClient this[int request] => request % 2 == 0 ? first : second;

        public IEnumerator<HttpClient> GetEnumerator() => ((IEnumerable<HttpClient>)[first, second]).GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

        public void Dispose()
        {
            first.Dispose();
            second.Dispose();
        }
    }
}
