using System.Net;
using System.Text.Json.Nodes;
using AniPlanner.FunctionalTests.Infrastructure;

namespace AniPlanner.FunctionalTests.Identity;

/// <summary>
/// Unknown or forged access keys and login tokens are failed authentications too: after a few
/// from one address within the window, that address is answered 429, in its endpoint's
/// envelope, with the seconds until it may try again, before any credential is looked up.
/// </summary>
public sealed class CredentialThrottlingTests(DatabaseKind kind) : ApiTestBase(kind)
{
    private const string Here = "198.51.100.7";
    private const string There = "203.0.113.9";

    private static readonly DateTimeOffset Start = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    [Test]
    public async Task Bad_keys_from_one_address_are_429_with_the_seconds_left_until_the_window_ends()
    {
        await using var service = Service(failuresPerAddress: 3);
        using var client = service.CreateClient();
        var (_, good) = await CreateCustomerAsync();
        service.Clock.Pin(Start);
        for (var guess = 0; guess < 3; guess++)
        {
            Assert.That((await GetAsync(client, "/v1.0/outplans", $"anip_guess{guess}", Here)).Status, Is.EqualTo(HttpStatusCode.Unauthorized));
        }

        service.Clock.Pin(Start + TimeSpan.FromMinutes(5));
        var voipbin = await GetAsync(client, "/v1.0/outplans", good, Here);
        var aniPlanner = await GetAsync(client, "/ani-planner/settings", good, Here);

        AssertError((voipbin.Status, voipbin.Body), HttpStatusCode.TooManyRequests, "RESOURCE_EXHAUSTED", "TOO_MANY_REQUESTS", "try again in 600 seconds");
        Assert.That(voipbin.RetryAfter, Is.EqualTo(TimeSpan.FromMinutes(10)), "even a good key waits");
        Assert.That(aniPlanner.Status, Is.EqualTo(HttpStatusCode.TooManyRequests));
        Assert.That(aniPlanner.RetryAfter, Is.EqualTo(TimeSpan.FromMinutes(10)));
        Assert.That(aniPlanner.Body!["success"]!.GetValue<bool>(), Is.False, "the ANI Planner's envelope");
        Assert.That(aniPlanner.Body["message"]!.GetValue<string>(), Does.Contain("Too many failed authentications"));
        Assert.That((await GetAsync(client, "/v1.0/outplans", good, There)).Status, Is.EqualTo(HttpStatusCode.OK), "another address");

        service.Clock.Pin(Start + TimeSpan.FromMinutes(14) + TimeSpan.FromSeconds(59.5));
        Assert.That((await GetAsync(client, "/v1.0/outplans", good, Here)).RetryAfter, Is.EqualTo(TimeSpan.FromSeconds(1)), "half a second is said as one");
        service.Clock.Pin(Start + TimeSpan.FromMinutes(15));
        Assert.That((await GetAsync(client, "/v1.0/outplans", good, Here)).Status, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task A_refused_address_costs_no_database_lookup()
    {
        await using var service = Service(failuresPerAddress: 1);
        using var client = service.CreateClient();
        service.Clock.Pin(Start);
        await GetAsync(client, "/v1.0/outplans", "anip_guess", Here);
        var commandsBefore = DatabaseCommands(service);

        var refused = await GetAsync(client, "/v1.0/outplans", "anip_another_guess", Here);

        Assert.That(refused.Status, Is.EqualTo(HttpStatusCode.TooManyRequests));
        Assert.That(commandsBefore, Is.GreaterThan(0), "the first guess was looked up (and the check sees commands)");
        Assert.That(DatabaseCommands(service), Is.EqualTo(commandsBefore));
    }

    [Test]
    public async Task Forged_login_tokens_count_as_failed_authentications()
    {
        await using var service = Service(failuresPerAddress: 2);
        using var client = service.CreateClient();
        service.Clock.Pin(Start);
        var unsigned = "eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0.eyJzdWIiOiIwMDAwMDAwMC0wMDAwLTAwMDAtMDAwMC0wMDAwMDAwMDAwMDEifQ.";

        var statuses = new List<HttpStatusCode>();
        foreach (var token in (string[])[unsigned, "not.a.token", unsigned])
        {
            statuses.Add((await GetAsync(client, "/v1.0/accesskeys", token, Here)).Status);
        }

        Assert.That(statuses, Is.EqualTo(new[] { HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests }));
    }

    [Test]
    public async Task Failed_logins_count_toward_the_same_address_limit()
    {
        await using var service = Service(failuresPerAddress: 2);
        using var client = service.CreateClient();
        var (_, good) = await CreateCustomerAsync();
        service.Clock.Pin(Start);
        foreach (var username in (string[])["nobody", "noone"])
        {
            using var login = new HttpRequestMessage(HttpMethod.Post, "/auth/login")
            {
                Content = new StringContent(new JsonObject { ["username"] = username, ["password"] = "wrong password" }.ToJsonString(), System.Text.Encoding.UTF8, "application/json"),
            };
            login.Headers.Add(AniPlannerFactory.ClientAddressHeader, Here);
            using var response = await client.SendAsync(login);
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        }

        Assert.That((await GetAsync(client, "/v1.0/outplans", good, Here)).Status, Is.EqualTo(HttpStatusCode.TooManyRequests));
    }

    [Test]
    public async Task Parallel_bad_keys_reach_the_lookup_only_as_often_as_the_limit_allows()
    {
        await using var service = Service(failuresPerAddress: 5);
        using var client = service.CreateClient();
        service.Clock.Pin(Start);

        var answers = await Task.WhenAll(Enumerable.Range(0, 20).Select(guess => GetAsync(client, "/v1.0/outplans", $"anip_guess{guess}", Here)));

        Assert.That(answers.Count(answer => answer.Status == HttpStatusCode.Unauthorized), Is.EqualTo(5), "lookups");
        Assert.That(answers.Where(answer => answer.Status == HttpStatusCode.TooManyRequests).Select(answer => answer.RetryAfter),
            Has.Exactly(15).EqualTo(TimeSpan.FromMinutes(15)));
    }

    [Test]
    public async Task Parallel_requests_with_a_good_key_are_never_refused()
    {
        await using var service = Service(failuresPerAddress: 2);
        using var client = service.CreateClient();
        var (_, good) = await CreateCustomerAsync();

        var answers = await Task.WhenAll(Enumerable.Range(0, 30).Select(_ => GetAsync(client, "/v1.0/outplans", good, Here)));

        Assert.That(answers.Select(answer => answer.Status), Has.All.EqualTo(HttpStatusCode.OK), "they wait for each other at the limit, then go");
    }

    private AniPlannerFactory Service(int failuresPerAddress) =>
        new(Factory.Database, new Dictionary<string, string?> { ["Auth:Throttling:FailuresPerAddress"] = failuresPerAddress.ToString(System.Globalization.CultureInfo.InvariantCulture) });

    private static int DatabaseCommands(AniPlannerFactory service) => service.Logs.Lines.Count(line => line.Contains("Executed DbCommand", StringComparison.Ordinal));

    private static async Task<Answer> GetAsync(HttpClient client, string url, string token, string address)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url) { Headers = { Authorization = new("Bearer", token) } };
        request.Headers.Add(AniPlannerFactory.ClientAddressHeader, address);
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return new Answer(response.StatusCode, response.Headers.RetryAfter?.Delta, text.Length == 0 ? null : JsonNode.Parse(text));
    }

    private sealed record Answer(HttpStatusCode Status, TimeSpan? RetryAfter, JsonNode? Body);
}
