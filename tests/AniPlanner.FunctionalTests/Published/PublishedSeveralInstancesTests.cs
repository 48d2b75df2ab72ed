using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using AniPlanner.FunctionalTests.Infrastructure;
using AniPlanner.Tests.Shared;
using Npgsql;

namespace AniPlanner.FunctionalTests.Published;

/// <summary>
/// Two published service processes behind no load balancer but the test's alternation, on one
/// PostgreSQL database and one Redis (both the OS packages' servers, started here), started at
/// the same moment on an empty database (so both migrate it at once). Whatever the instance a
/// request reaches: logins are throttled and a customer's rate holds as for one instance, one
/// dial file sent through both is counted once, a deleted key stops working everywhere within
/// the documented second, and a <c>kill -9</c> mid-import leaves nothing half-written.
/// </summary>
[NonParallelizable]
public sealed class PublishedSeveralInstancesTests
{
    private const int FreeLoginFailures = 3;
    private const int RequestsPerMinute = 120;
    private const string Password = "correct horse battery";

    /// <summary>The README's bound on a credential change reaching the other instances.</summary>
    private static readonly TimeSpan InvalidationBound = TimeSpan.FromSeconds(1);

    private TestDatabase? _database;
    private LocalRedisServer? _redis;
    private readonly List<PublishedService> _instances = [];

    private PublishedService First => _instances[0];
    private PublishedService Second => _instances[1];

    [OneTimeSetUp]
    public async Task StartTwoInstances()
    {
        var (database, reason) = await PostgreSqlTestDatabase.TryCreateAsync();
        if (database is null)
        {
            Assert.Ignore(reason);
        }

        _database = database;
        _redis = await LocalRedisServer.StartOrSkipAsync();
        await PublishedService.PublishedDirectoryAsync();
        _instances.AddRange(await Task.WhenAll(StartInstanceAsync(), StartInstanceAsync()));
    }

    [OneTimeTearDown]
    public async Task StopEverything()
    {
        foreach (var instance in _instances)
        {
            await instance.DisposeAsync();
        }

        if (_redis is not null)
        {
            await _redis.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    [Test]
    public async Task A_password_guessing_run_spread_over_both_is_throttled_at_the_configured_count()
    {
        var username = $"guessed-{Guid.NewGuid():N}"[..20];
        await CreateUserAsync(username);

        for (var guess = 0; guess < FreeLoginFailures; guess++)
        {
            using var answer = await LoginAsync(Alternate(guess), username, $"guess {guess}");
            Assert.That(answer.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized), $"free failure {guess + 1}");
        }

        // One instance alone would allow the other's share again: the count is shared.
        foreach (var instance in _instances)
        {
            using var refused = await LoginAsync(instance, username, Password);
            Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests), "even the right password waits");
            Assert.That(refused.Headers.RetryAfter?.Delta, Is.EqualTo(TimeSpan.FromSeconds(1)), "the first wait, whichever instance answers");
            Assert.That(await ReasonAsync(refused), Is.EqualTo("TOO_MANY_REQUESTS"));
        }
    }

    [Test]
    public async Task One_customers_requests_over_both_respect_its_rate()
    {
        var busy = await CustomerAsync("Busy");
        var quiet = await CustomerAsync("Quiet");

        var statuses = await Task.WhenAll(Enumerable.Range(0, RequestsPerMinute + 10).Select(async call =>
        {
            using var response = await Alternate(call).Http.SendAsync(ServiceArrangements.Authorized(HttpMethod.Get, "/v1.0/outplans", busy));
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Assert.That(response.Headers.RetryAfter?.Delta, Is.GreaterThan(TimeSpan.Zero).And.LessThanOrEqualTo(TimeSpan.FromMinutes(1)));
                Assert.That(await ReasonAsync(response), Is.EqualTo("RATE_LIMITED"));
            }

            return response.StatusCode;
        }));

        // Declaring the customer's campaign was its first request of this minute.
        const int Left = RequestsPerMinute - 1;
        Assert.Multiple(() =>
        {
            Assert.That(statuses.Count(status => status == HttpStatusCode.OK), Is.EqualTo(Left), "exactly the rate, over both instances");
            Assert.That(statuses.Count(status => status == HttpStatusCode.TooManyRequests), Is.EqualTo(statuses.Length - Left));
        });
        using var other = await Second.Http.SendAsync(ServiceArrangements.Authorized(HttpMethod.Get, "/v1.0/outplans", quiet));
        Assert.That(other.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the rate is per customer");
    }

    [Test]
    public async Task A_dial_file_imported_through_both_at_once_is_counted_exactly_once()
    {
        const int dials = 20_000;
        var token = await CustomerAsync("Twice Sent");

        var answers = await Task.WhenAll(_instances.Select(instance => ImportAsync(instance, token, DialFile(dials))));

        Assert.Multiple(() =>
        {
            Assert.That(answers.Sum(answer => answer.Accepted), Is.EqualTo(dials), "each dial accepted by one of the two");
            Assert.That(answers.Sum(answer => answer.Duplicates), Is.EqualTo(dials), "and a duplicate at the other");
        });
        await AssertPlanCountsAsync(token, dials);
    }

    [Test]
    public async Task A_key_deleted_through_one_instance_is_refused_by_the_other_within_the_bound()
    {
        var admin = await CustomerAsync("Revoking");
        using var created = await First.Http.SendAsync(ServiceArrangements.Authorized(HttpMethod.Post, "/v1.0/accesskeys", admin, """{"name":"leaving","permission":"planner"}"""));
        var key = JsonNode.Parse(await created.Content.ReadAsStringAsync())!;
        var token = key["token"]!.GetValue<string>();

        // Used on the second instance first, so that instance holds it validated in its cache.
        for (var use = 0; use < 3; use++)
        {
            using var used = await Second.Http.SendAsync(ServiceArrangements.Authorized(HttpMethod.Get, "/ani-planner/campaigns", token));
            Assert.That(used.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }

        using var deleted = await First.Http.SendAsync(ServiceArrangements.Authorized(HttpMethod.Delete, $"/v1.0/accesskeys/{key["id"]}", admin));
        Assert.That(deleted.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var clock = Stopwatch.StartNew();
        HttpStatusCode status;
        do
        {
            using var after = await Second.Http.SendAsync(ServiceArrangements.Authorized(HttpMethod.Get, "/ani-planner/campaigns", token));
            status = after.StatusCode;
        }
        while (status == HttpStatusCode.OK && clock.Elapsed < InvalidationBound + TimeSpan.FromSeconds(5));

        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(clock.Elapsed, Is.LessThan(InvalidationBound), "refused by the other instance within the stated bound");
        });
        using var here = await First.Http.SendAsync(ServiceArrangements.Authorized(HttpMethod.Get, "/ani-planner/campaigns", token));
        Assert.That(here.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized), "and at once where it was deleted");
    }

    [Test]
    public async Task Killing_an_instance_mid_import_then_sending_again_yields_exact_counts()
    {
        const int dials = 40_000;
        var token = await CustomerAsync("Interrupted");
        await using var doomed = await StartInstanceAsync();
        var halfSent = new TaskCompletionSource();
        var killed = new TaskCompletionSource();
        var body = new StreamedContent(async stream =>
        {
            var rows = DialRows(dials).ToList();
            await stream.WriteAsync(Encoding.UTF8.GetBytes(string.Concat(rows.Take(dials / 2))));
            await stream.FlushAsync();
            halfSent.SetResult();

            // The client notices a dead server only when it writes again, so the rest is sent after the kill.
            await killed.Task;
            await stream.WriteAsync(Encoding.UTF8.GetBytes(string.Concat(rows.Skip(dials / 2))));
        });
        var interrupted = doomed.Http.SendAsync(ImportRequest(token, body));

        await halfSent.Task;
        await WaitForOpenTransactionAsync();
        await doomed.KillAsync();
        killed.SetResult();
        Assert.That(async () => await interrupted.WaitAsync(TimeSpan.FromMinutes(1)), Throws.InstanceOf<HttpRequestException>(), "the killed instance never answered");

        var resent = await ImportAsync(First, token, DialFile(dials));

        Assert.That(resent.Accepted, Is.EqualTo(dials), "nothing of the killed import was kept");
        await AssertPlanCountsAsync(token, dials);
    }

    private async Task<PublishedService> StartInstanceAsync()
    {
        var instance = await PublishedService.StartAsync(new Dictionary<string, string>
        {
            ["Database__Provider"] = "PostgreSql",
            ["ConnectionStrings__AniPlanner"] = _database!.ConnectionString,
            ["Redis__Configuration"] = _redis!.Configuration,
            ["Admin__ApiKey"] = PublishedService.AdminKey,
            ["Auth__JwtSigningKey"] = "several-instances-signing-key-0123456789abcdef",
            ["Auth__Throttling__FreeLoginFailures"] = FreeLoginFailures.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["RateLimiting__RequestsPerMinute"] = RequestsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        await instance.WaitUntilReadyAsync();
        return instance;
    }

    private PublishedService Alternate(int call) => _instances[call % 2];

    private Task<string> CustomerAsync(string name) =>
        ServiceArrangements.CustomerWithCampaignAsync(First.Http, PublishedService.AdminKey, $"{name} {Guid.NewGuid():N}");

    private async Task CreateUserAsync(string username)
    {
        var admin = await CustomerAsync(username);
        using var created = await Second.Http.SendAsync(ServiceArrangements.Authorized(HttpMethod.Post, "/v1.0/users", admin,
            new JsonObject { ["username"] = username, ["password"] = Password, ["permission"] = "planner" }.ToJsonString()));
        Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.OK), await created.Content.ReadAsStringAsync());
    }

    private static Task<HttpResponseMessage> LoginAsync(PublishedService instance, string username, string password) =>
        instance.Http.PostAsync("/auth/login", new StringContent(new JsonObject { ["username"] = username, ["password"] = password }.ToJsonString(), Encoding.UTF8, "application/json"));

    private static async Task<string?> ReasonAsync(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!["error"]?["reason"]?.GetValue<string>();

    private static IEnumerable<string> DialRows(int count)
    {
        for (var row = 0; row < count; row++)
        {
            yield return $$"""{"callId":"dial-{{row}}","campaign":"out","dialedAt":"2026-05-0{{4 + row % 5}}T10:00:00-07:00","prospectNumber":"+1213555{{row % 10_000:D4}}","aniNumber":"+12135550100","contacted":{{(row % 3 == 0 ? "true" : "false")}}}""" + "\n";
        }
    }

    private static StringContent DialFile(int count) => new(string.Concat(DialRows(count)), Encoding.UTF8, "application/x-ndjson");

    private static HttpRequestMessage ImportRequest(string token, HttpContent body)
    {
        var request = ServiceArrangements.Authorized(HttpMethod.Post, "/ani-planner/dials", token);
        body.Headers.ContentType = new("application/x-ndjson");
        request.Content = body;
        return request;
    }

    private static async Task<(long Accepted, long Duplicates)> ImportAsync(PublishedService instance, string token, HttpContent body)
    {
        using var response = await instance.Http.SendAsync(ImportRequest(token, body));
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), text);
        var data = JsonNode.Parse(text)!["data"]!;
        Assert.That(data["rejectedCount"]!.GetValue<long>(), Is.Zero, text);
        return (data["accepted"]!.GetValue<long>(), data["duplicates"]!.GetValue<long>());
    }

    /// <summary>The plan, from both instances, counts every dial and contact of the file once.</summary>
    private async Task AssertPlanCountsAsync(string token, int dials)
    {
        var contacts = (dials + 2) / 3;
        foreach (var instance in _instances)
        {
            using var response = await instance.Http.SendAsync(ServiceArrangements.Authorized(HttpMethod.Post, "/ani-planner/generate", token,
                """{"dateStart":"2026-05-01","dateEnd":"2026-05-31"}"""));
            var text = await response.Content.ReadAsStringAsync();
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), text);
            var plan = JsonNode.Parse(text)!["data"]!;
            Assert.Multiple(() =>
            {
                Assert.That(plan["totalDials"]!.GetValue<long>(), Is.EqualTo(dials));
                Assert.That(plan["totalContacts"]!.GetValue<long>(), Is.EqualTo(contacts));
            });
        }
    }

    /// <summary>Waits until an import has begun writing: a transaction is open on the database (not this query's).</summary>
    private async Task WaitForOpenTransactionAsync()
    {
        await using var connection = new NpgsqlConnection(_database!.ConnectionString);
        await connection.OpenAsync();
        await using var query = new NpgsqlCommand(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND xact_start IS NOT NULL", connection);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while ((long)(await query.ExecuteScalarAsync())! == 0)
        {
            Assert.That(DateTime.UtcNow, Is.LessThan(deadline), "the import never opened a transaction");
            await Task.Delay(20);
        }
    }
}
