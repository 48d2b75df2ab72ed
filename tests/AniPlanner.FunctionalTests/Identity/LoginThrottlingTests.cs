using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using AniPlanner.FunctionalTests.Infrastructure;

namespace AniPlanner.FunctionalTests.Identity;

/// <summary>
/// Failed logins slow the guesser, not the user: waits that double per (username, address), a
/// wider ceiling per username from all addresses, a limit per address; all hold in parallel.
/// </summary>
public sealed class LoginThrottlingTests(DatabaseKind kind) : ApiTestBase(kind)
{
    private const string Password = "correct horse battery";
    private const string Here = "198.51.100.7";
    private const string There = "203.0.113.9";

    private static readonly DateTimeOffset Start = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    [Test]
    public async Task After_five_failures_each_next_try_from_that_address_waits_twice_as_long()
    {
        await CreateUserAsync("guessed");
        Factory.Clock.Pin(Start);
        for (var attempt = 0; attempt < 5; attempt++)
        {
            Assert.That((await LoginAsync(Client, "guessed", $"guess {attempt}", Here)).Status, Is.EqualTo(HttpStatusCode.Unauthorized));
        }

        var waited = TimeSpan.Zero;
        foreach (var seconds in (int[])[1, 2, 4])
        {
            var refused = await LoginAsync(Client, "guessed", Password, Here);
            AssertError((refused.Status, refused.Body), HttpStatusCode.TooManyRequests, "RESOURCE_EXHAUSTED", "TOO_MANY_REQUESTS", $"try again in {seconds} seconds");
            Assert.That(refused.RetryAfter, Is.EqualTo(TimeSpan.FromSeconds(seconds)), "even the right password waits");

            waited += TimeSpan.FromSeconds(seconds);
            Factory.Clock.Pin(Start + waited);
            Assert.That((await LoginAsync(Client, "guessed", "another guess", Here)).Status, Is.EqualTo(HttpStatusCode.Unauthorized), "the wait is over");
        }

        Factory.Clock.Pin(Start + waited + TimeSpan.FromSeconds(8));
        Assert.That((await LoginAsync(Client, "guessed", Password, Here)).Status, Is.EqualTo(HttpStatusCode.OK));
        for (var attempt = 0; attempt < 5; attempt++)
        {
            Assert.That((await LoginAsync(Client, "guessed", $"typo {attempt}", Here)).Status, Is.EqualTo(HttpStatusCode.Unauthorized), "a success starts afresh");
        }
    }

    [Test]
    public async Task Another_address_still_logs_in_while_one_waits()
    {
        await CreateUserAsync("targeted");
        Factory.Clock.Pin(Start);
        for (var attempt = 0; attempt < 5; attempt++)
        {
            await LoginAsync(Client, "targeted", $"guess {attempt}", Here);
        }

        Assert.That((await LoginAsync(Client, "targeted", Password, Here)).Status, Is.EqualTo(HttpStatusCode.TooManyRequests));
        Assert.That((await LoginAsync(Client, "targeted", Password, There)).Status, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Failures_for_one_username_from_all_addresses_reach_a_ceiling_until_the_window_ends()
    {
        await using var service = new AniPlannerFactory(Factory.Database, new Dictionary<string, string?>
        {
            ["Auth:Throttling:FreeLoginFailures"] = "2",
            ["Auth:Throttling:LoginFailuresPerUsername"] = "6",
        });
        using var client = service.CreateClient();
        await CreateUserAsync("popular");
        await CreateUserAsync("bystander");
        service.Clock.Pin(Start);
        foreach (var address in (string[])["192.0.2.1", "192.0.2.2", "192.0.2.3"])
        {
            for (var attempt = 0; attempt < 2; attempt++)
            {
                Assert.That((await LoginAsync(client, "popular", $"guess {attempt}", address)).Status, Is.EqualTo(HttpStatusCode.Unauthorized));
            }
        }

        service.Clock.Pin(Start + TimeSpan.FromMinutes(5));
        var refused = await LoginAsync(client, "popular", Password, "192.0.2.200");

        Assert.That(refused.Status, Is.EqualTo(HttpStatusCode.TooManyRequests), "from an address that never failed");
        Assert.That(refused.RetryAfter, Is.EqualTo(TimeSpan.FromMinutes(10)), "the window opened with the first failure");
        Assert.That((await LoginAsync(client, "bystander", Password, "192.0.2.200")).Status, Is.EqualTo(HttpStatusCode.OK), "other users are not held back");

        service.Clock.Pin(Start + TimeSpan.FromMinutes(15));
        Assert.That((await LoginAsync(client, "popular", Password, "192.0.2.200")).Status, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Failures_from_one_address_are_429_whatever_the_username()
    {
        await using var service = new AniPlannerFactory(Factory.Database, new Dictionary<string, string?> { ["Auth:Throttling:FailuresPerAddress"] = "3" });
        using var client = service.CreateClient();
        await CreateUserAsync("sprayed");
        service.Clock.Pin(Start);

        var answers = new List<HttpStatusCode>();
        foreach (var username in (string[])["a1", "a2", "a3", "sprayed"])
        {
            answers.Add((await LoginAsync(client, username, Password, Here)).Status);
        }

        Assert.That(answers, Is.EqualTo(new[] { HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests }));
        Assert.That((await LoginAsync(client, "sprayed", Password, There)).Status, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Parallel_wrong_guesses_reach_the_password_check_only_as_often_as_the_limit_allows()
    {
        await CreateUserAsync("raced");

        // Time stands still, so the one-second wait after the fifth failure cannot pass meanwhile.
        Factory.Clock.Pin(Start);
        var answers = await Task.WhenAll(Enumerable.Range(0, 20).Select(guess => LoginAsync(Client, "raced", $"guess {guess}", Here)));

        Assert.That(answers.Count(answer => answer.Status == HttpStatusCode.Unauthorized), Is.EqualTo(5), "password checks");
        Assert.That(answers.Where(answer => answer.Status == HttpStatusCode.TooManyRequests).Select(answer => answer.RetryAfter),
            Has.Exactly(15).EqualTo(TimeSpan.FromSeconds(1)));
    }

    private async Task CreateUserAsync(string username)
    {
        var (_, admin) = await CreateCustomerAsync(username);
        var (status, body) = await SendAsync(HttpMethod.Post, "/v1.0/users", admin,
            new JsonObject { ["username"] = username, ["password"] = Password, ["permission"] = "planner" });
        Assert.That(status, Is.EqualTo(HttpStatusCode.OK), body?.ToJsonString());
    }

    private static async Task<Answer> LoginAsync(HttpClient client, string username, string password, string address)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/auth/login")
        {
            Content = new StringContent(new JsonObject { ["username"] = username, ["password"] = password }.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.Add(AniPlannerFactory.ClientAddressHeader, address);
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return new Answer(response.StatusCode, response.Headers.RetryAfter?.Delta, text.Length == 0 ? null : JsonNode.Parse(text));
    }

    private sealed record Answer(HttpStatusCode Status, TimeSpan? RetryAfter, JsonNode? Body);
}
