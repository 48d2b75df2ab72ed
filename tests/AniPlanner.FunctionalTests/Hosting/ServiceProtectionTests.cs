using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using AniPlanner.FunctionalTests.Infrastructure;

namespace AniPlanner.FunctionalTests.Hosting;

public sealed class ServiceProtectionTests(DatabaseKind kind) : ApiTestBase(kind)
{
    [Test]
    public async Task A_body_over_the_default_limit_is_413_in_the_envelope()
    {
        var (_, token) = await CreateCustomerAsync();
        var huge = $$"""{"name":"{{new string('x', 1_100_000)}}","dial_timeout":30000,"try_interval":60000}""";

        AssertError(await SendRawAsync(HttpMethod.Post, "/v1.0/outplans", token, huge), HttpStatusCode.RequestEntityTooLarge, "INVALID_ARGUMENT", "PAYLOAD_TOO_LARGE", "1,048,576 bytes");
    }

    [Test]
    public async Task A_streamed_body_without_a_length_is_cut_off_at_the_limit_too()
    {
        var (_, token) = await CreateCustomerAsync();
        using var request = new HttpRequestMessage(HttpMethod.Put, "/ani-planner/settings")
        {
            Content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes($$"""{"country":"{{new string('u', 1_100_000)}}"}"""))),
        };
        request.Content.Headers.ContentType = new("application/json");
        request.Headers.TransferEncodingChunked = true;
        request.Headers.Authorization = new("Bearer", token);

        using var response = await Client.SendAsync(request);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
        Assert.That(body["success"]!.GetValue<bool>(), Is.False);
    }

    [Test]
    public async Task Dial_imports_take_bodies_far_over_the_default_limit()
    {
        var (_, token) = await CreateCustomerAsync();
        await SendAsync(HttpMethod.Put, "/ani-planner/campaigns/out", token, new JsonObject { ["name"] = "Out", ["campaignType"] = "outbound" });
        var csv = new StringBuilder("callId,campaign,dialedAt,prospectNumber,aniNumber,contacted\n");
        for (var row = 0; row < 20_000; row++)
        {
            csv.Append($"call-{row:D8},out,2026-05-04T10:00:00-07:00,+12135550123,+12135550100,false\n");
        }

        Assert.That(Encoding.UTF8.GetByteCount(csv.ToString()), Is.GreaterThan(1_048_576));
        var (status, answer) = await SendRawAsync(HttpMethod.Post, "/ani-planner/dials", token, csv.ToString(), "text/csv");

        Assert.That(status, Is.EqualTo(HttpStatusCode.OK), answer?.ToJsonString());
        Assert.That(answer!["data"]!["accepted"]!.GetValue<long>(), Is.EqualTo(20_000));
    }

    [Test]
    public async Task A_customer_over_its_rate_is_429_with_retry_after_and_others_are_unaffected()
    {
        await using var limited = new AniPlannerFactory(Factory.Database, new Dictionary<string, string?> { ["RateLimiting:RequestsPerMinute"] = "3" });
        using var client = limited.CreateClient();
        var (_, busy) = await CreateCustomerAsync("Busy");
        var (_, quiet) = await CreateCustomerAsync("Quiet");

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? last = null;
        for (var call = 0; call < 4; call++)
        {
            last?.Dispose();
            last = await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/v1.0/outplans") { Headers = { Authorization = new("Bearer", busy) } });
            statuses.Add(last.StatusCode);
        }

        Assert.That(statuses, Is.EqualTo(new[] { HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests }));
        Assert.That(last!.Headers.RetryAfter?.Delta, Is.GreaterThan(TimeSpan.Zero));
        var error = JsonNode.Parse(await last.Content.ReadAsStringAsync())!["error"]!;
        Assert.That(error["reason"]!.GetValue<string>(), Is.EqualTo("RATE_LIMITED"));
        last.Dispose();

        using var other = await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/v1.0/outplans") { Headers = { Authorization = new("Bearer", quiet) } });
        Assert.That(other.StatusCode, Is.EqualTo(HttpStatusCode.OK), "limits are per customer");
    }

    [Test]
    public async Task Retry_after_is_the_seconds_left_in_the_customers_window_not_always_a_minute()
    {
        await using var limited = new AniPlannerFactory(Factory.Database, new Dictionary<string, string?> { ["RateLimiting:RequestsPerMinute"] = "2" });
        using var client = limited.CreateClient();
        var (_, token) = await CreateCustomerAsync("Busy");
        var opened = new DateTimeOffset(2026, 11, 24, 10, 0, 0, TimeSpan.Zero);

        async Task<HttpResponseMessage> ListAt(TimeSpan sinceOpened)
        {
            limited.Clock.Pin(opened + sinceOpened);
            return await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/v1.0/outplans") { Headers = { Authorization = new("Bearer", token) } });
        }

        foreach (var seconds in (int[])[0, 10])
        {
            using var allowed = await ListAt(TimeSpan.FromSeconds(seconds));
            Assert.That(allowed.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }

        using var refused = await ListAt(TimeSpan.FromSeconds(44.5));
        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));
        Assert.That(refused.Headers.RetryAfter?.Delta, Is.EqualTo(TimeSpan.FromSeconds(16)), "60 s window, 44.5 s gone: 15.5 s left, rounded up");
        Assert.That(JsonNode.Parse(await refused.Content.ReadAsStringAsync())!["error"]!["message"]!.GetValue<string>(), Does.Contain("retry in 16 seconds"));

        using var stillRefused = await ListAt(TimeSpan.FromSeconds(59.2));
        Assert.That(stillRefused.Headers.RetryAfter?.Delta, Is.EqualTo(TimeSpan.FromSeconds(1)));

        using var next = await ListAt(TimeSpan.FromSeconds(60));
        Assert.That(next.StatusCode, Is.EqualTo(HttpStatusCode.OK), "retrying when told to succeeds");
    }

    [Test]
    public async Task Only_configured_origins_may_call_from_a_browser()
    {
        await using var portal = new AniPlannerFactory(Factory.Database, new Dictionary<string, string?> { ["Cors:AllowedOrigins:0"] = "https://admin.example.com" });
        using var client = portal.CreateClient();

        async Task<string?> AllowedOrigin(string origin)
        {
            using var preflight = new HttpRequestMessage(HttpMethod.Options, "/v1.0/outplans");
            preflight.Headers.Add("Origin", origin);
            preflight.Headers.Add("Access-Control-Request-Method", "POST");
            preflight.Headers.Add("Access-Control-Request-Headers", "authorization,content-type");
            using var response = await client.SendAsync(preflight);
            return response.Headers.TryGetValues("Access-Control-Allow-Origin", out var values) ? values.Single() : null;
        }

        Assert.That(await AllowedOrigin("https://admin.example.com"), Is.EqualTo("https://admin.example.com"));
        Assert.That(await AllowedOrigin("https://evil.example.net"), Is.Null);

        using var noCors = new HttpRequestMessage(HttpMethod.Options, "/v1.0/outplans");
        noCors.Headers.Add("Origin", "https://admin.example.com");
        noCors.Headers.Add("Access-Control-Request-Method", "GET");
        using var byDefault = await Client.SendAsync(noCors);
        Assert.That(byDefault.Headers.Contains("Access-Control-Allow-Origin"), Is.False, "no origin is allowed by default");
    }
}
