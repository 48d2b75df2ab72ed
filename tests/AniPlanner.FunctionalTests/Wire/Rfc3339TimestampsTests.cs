using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using AniPlanner.FunctionalTests.Infrastructure;
using AniPlanner.FunctionalTests.Outplans;

namespace AniPlanner.FunctionalTests.Wire;

/// <summary>
/// <c>Wire:Timestamps=rfc3339</c> writes every <c>tm_*</c> field and <c>next_page_token</c> as
/// VoIPBIN's current API does (unset times are null) and still reads the seeds' form; a value
/// that is neither mode stops start-up naming the setting.
/// </summary>
public sealed class Rfc3339TimestampsTests
{
    private const string Rfc3339Pattern = @"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$";

    private SqliteTestDatabase _database = null!;
    private AniPlannerFactory _factory = null!;
    private HttpClient _client = null!;

    [OneTimeSetUp]
    public void Start()
    {
        _database = new SqliteTestDatabase();
        _factory = new AniPlannerFactory(_database, new Dictionary<string, string?> { ["Wire:Timestamps"] = "rfc3339" });
        _client = _factory.CreateClient();
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        _client.Dispose();
        await _factory.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Test]
    public async Task Every_time_is_rfc3339_and_unset_ones_are_null()
    {
        var customer = await SendAsync(HttpMethod.Post, "/v1.0/customers", AniPlannerFactory.AdminKey, new JsonObject { ["name"] = "Acme" });
        var token = customer["accesskey"]!["token"]!.GetValue<string>();
        Assert.Multiple(() =>
        {
            Assert.That(customer["tm_create"]!.GetValue<string>(), Does.Match(Rfc3339Pattern));
            Assert.That(customer["tm_update"], Is.Null);
            Assert.That(customer["tm_delete"], Is.Null);
            Assert.That(customer["accesskey"]!["tm_expire"], Is.Null, "a key that never expires");
            Assert.That(customer["accesskey"]!["tm_create"]!.GetValue<string>(), Does.Match(Rfc3339Pattern));
        });

        var outplan = await SendAsync(HttpMethod.Post, "/v1.0/outplans", token, OutplanTestData.CreateBody());
        Assert.That(outplan["tm_create"]!.GetValue<string>(), Does.Match(Rfc3339Pattern));
        foreach (var unset in (string[])["tm_update", "tm_delete"])
        {
            Assert.That(outplan.AsObject().ContainsKey(unset) && outplan[unset] is null, Is.True, $"{unset} is present and null");
        }

        var page = await SendAsync(HttpMethod.Get, "/v1.0/outplans", token);
        Assert.That(page["next_page_token"]!.GetValue<string>(), Is.EqualTo(outplan["tm_create"]!.GetValue<string>()));
        var after = await SendAsync(HttpMethod.Get, $"/v1.0/outplans?page_token={page["next_page_token"]}", token);
        Assert.That((after["result"]!.AsArray().Count, after["next_page_token"]!.GetValue<string>()), Is.EqualTo((0, "")));

        var deleted = await SendAsync(HttpMethod.Delete, $"/v1.0/outplans/{outplan["id"]}", token);
        Assert.That(deleted["tm_delete"]!.GetValue<string>(), Does.Match(Rfc3339Pattern));
        Assert.That(deleted["tm_update"]!.GetValue<string>(), Is.EqualTo(deleted["tm_delete"]!.GetValue<string>()));

        var trail = await SendAsync(HttpMethod.Get, "/v1.0/audit_logs?page_size=1", token);
        Assert.That(trail["result"]![0]!["tm_create"]!.GetValue<string>(), Does.Match(Rfc3339Pattern));
        Assert.That(trail["next_page_token"]!.GetValue<string>(), Does.Match(Rfc3339Pattern));
    }

    [Test]
    public async Task The_seeds_form_is_still_read()
    {
        var customer = await SendAsync(HttpMethod.Post, "/v1.0/customers", AniPlannerFactory.AdminKey, new JsonObject { ["name"] = "Legacy reader" });
        var token = customer["accesskey"]!["token"]!.GetValue<string>();
        await SendAsync(HttpMethod.Post, "/v1.0/outplans", token, OutplanTestData.CreateBody());

        var page = await SendAsync(HttpMethod.Get, $"/v1.0/outplans?page_token={Uri.EscapeDataString("9000-01-01 00:00:00.000000")}", token);

        Assert.That(page["result"]!.AsArray(), Has.Count.EqualTo(1));
    }

    [TestCase("iso8601")]
    [TestCase("unix")]
    public async Task Another_value_stops_start_up_naming_the_setting_and_its_values(string setting)
    {
        await using var database = new SqliteTestDatabase();
        await using var factory = new AniPlannerFactory(database, new Dictionary<string, string?> { ["Wire:Timestamps"] = setting });

        var failure = Assert.Catch(() => factory.CreateClient().Dispose());

        Assert.That(failure!.Message, Does.StartWith("Wire:Timestamps must be one of \"legacy\", \"rfc3339\""));
    }

    private async Task<JsonNode> SendAsync(HttpMethod method, string url, string token, JsonNode? body = null)
    {
        using var request = new HttpRequestMessage(method, url) { Headers = { Authorization = new AuthenticationHeaderValue("Bearer", token) } };
        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        }

        using var response = await _client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), $"{method} {url}: {text}");
        return JsonNode.Parse(text)!;
    }
}
