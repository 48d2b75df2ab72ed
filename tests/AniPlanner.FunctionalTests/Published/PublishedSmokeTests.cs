using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using AniPlanner.FunctionalTests.Infrastructure;

namespace AniPlanner.FunctionalTests.Published;

/// <summary>
/// A black-box smoke of the published build (the Dockerfile's publish command, started as the
/// image starts it, in Production) on each embedded or server database this machine can run:
/// health, an outplan created and read, a dial file imported, a plan with hand-computed totals.
/// </summary>
[TestFixture(DatabaseKind.Sqlite)]
[TestFixture(DatabaseKind.PostgreSql)]
[NonParallelizable]
public sealed class PublishedSmokeTests(DatabaseKind kind)
{
    private TestDatabase? _database;
    private PublishedService? _service;

    private HttpClient Http => _service!.Http;

    [OneTimeSetUp]
    public async Task StartPublishedService()
    {
        var (database, reason) = kind == DatabaseKind.PostgreSql ? await PostgreSqlTestDatabase.TryCreateAsync() : (new SqliteTestDatabase(), "");
        if (database is null)
        {
            Assert.Ignore(reason);
        }

        _database = database;
        _service = await PublishedService.StartAsync(new Dictionary<string, string>
        {
            ["Database__Provider"] = kind.ToString(),
            ["ConnectionStrings__AniPlanner"] = database.ConnectionString,
            ["Admin__ApiKey"] = PublishedService.AdminKey,
            ["Auth__JwtSigningKey"] = "published-smoke-signing-key-0123456789abcdef",
        });
        await _service.WaitUntilReadyAsync();
    }

    [OneTimeTearDown]
    public async Task StopPublishedService()
    {
        if (_service is not null)
        {
            await _service.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    [Test]
    public async Task Health_answers_healthy_and_the_log_says_how_the_service_started()
    {
        using var response = await Http.GetAsync("/health");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await response.Content.ReadAsStringAsync(), Is.EqualTo("Healthy"));
        var entries = _service!.Output.Where(line => line.StartsWith('{')).Select(line => JsonNode.Parse(line)!).ToList();
        var messages = entries.Select(entry => entry["Message"]?.GetValue<string>()).ToList();

        // A first start on an empty database is not an error (EF once logged its history-table probe as one).
        Assert.That(entries.Where(entry => entry["LogLevel"]!.GetValue<string>() is "Error" or "Critical").Select(entry => entry.ToJsonString()), Is.Empty);
        Assert.That(messages, Has.Some.EqualTo($"Starting in the Production environment on the {kind} database"));
        Assert.That(messages, Has.Some.StartsWith($"Database created ({kind}): no migration had been applied"));
        Assert.That(messages, Has.Some.StartsWith("Listening on http://"));
    }

    [Test]
    public async Task An_outplan_is_created_and_read_back()
    {
        var token = await NewCustomerAsync("Outplan Smoke");

        var created = await SendAsync(HttpMethod.Post, "/v1.0/outplans", token, """
            {"name": "smoke", "detail": "published build", "source": {"type": "tel", "target": "+15559876543"},
             "dial_timeout": 30000, "try_interval": 600000, "max_try_count_0": 5}
            """);
        var read = await SendAsync(HttpMethod.Get, $"/v1.0/outplans/{created["id"]}", token);

        Assert.That(read.ToJsonString(), Is.EqualTo(created.ToJsonString()));
        Assert.Multiple(() =>
        {
            Assert.That(read["name"]!.GetValue<string>(), Is.EqualTo("smoke"));
            Assert.That(read["source"]!["target"]!.GetValue<string>(), Is.EqualTo("+15559876543"));
            Assert.That(read["dial_timeout"]!.GetValue<long>(), Is.EqualTo(30000));
            Assert.That(read["tm_update"]!.GetValue<string>(), Is.EqualTo("9999-01-01 00:00:00.000000"));
        });
    }

    [Test]
    public async Task A_dial_file_is_imported_and_planned_with_the_hand_computed_totals()
    {
        var token = await NewCustomerAsync("Plan Smoke");
        await SendAsync(HttpMethod.Put, "/ani-planner/campaigns/out", token, """{"name": "Out", "campaignType": "outbound"}""");
        await SendAsync(HttpMethod.Post, "/ani-planner/anis", token, """
            [{"number": "+12135550100", "status": "active", "managed": true}, {"number": "+12125550100", "status": "active", "managed": true}]
            """);

        // 12 dials to Los Angeles (213), the first 3 contacted; 4 to New York (212), the first contacted;
        // and one call id sent twice, which counts once.
        var csv = new StringBuilder("callId,campaign,dialedAt,prospectNumber,aniNumber,prospectZip,contacted\n");
        for (var index = 0; index < 12; index++)
        {
            csv.Append($"la-{index},out,2026-05-0{4 + (index % 5)}T10:00:00-07:00,+1213555{index:D4},+12135550100,90012,{index < 3}\n");
        }

        for (var index = 0; index < 4; index++)
        {
            csv.Append($"ny-{index},out,2026-05-05T10:00:00-04:00,+1212555{index:D4},+12125550100,,{index < 1}\n");
        }

        csv.Append("ny-0,out,2026-05-05T10:00:00-04:00,+12125550000,+12125550100,,true\n");
        var imported = await SendAsync(HttpMethod.Post, "/ani-planner/dials", token, csv.ToString(), "text/csv");
        Assert.That(imported["data"]!.ToJsonString(), Is.EqualTo("""{"accepted":16,"duplicates":1,"rejected":[],"rejectedCount":0}"""));

        var plan = (await SendAsync(HttpMethod.Post, "/ani-planner/generate", token, """
            {"dateStart": "2026-05-04", "dateEnd": "2026-05-08", "dailyDialsTarget": "BETTER", "groupBy": "area_code", "inventoryMode": "managed"}
            """))["data"]!;

        // Mon 4 .. Fri 8 May: 5 business days. Los Angeles: ceil(12 / 5) = 3 a day, ceil(3 / 75) = 1
        // below the floor of 3, so 3 proposed against 1 held. New York: ceil(4 / 5) = 1 a day, 3 proposed, 1 held.
        // Totals: 16 dials, 4 contacts (25.0 %), 2 held, 6 proposed, 4 more.
        Assert.Multiple(() =>
        {
            Assert.That(plan["bizDays"]!.GetValue<int>(), Is.EqualTo(5));
            Assert.That(plan["regionStats"]!.ToJsonString(), Is.EqualTo(
                """[{"region":"Los Angeles","state":"CA","areaCodes":["213"],"dailyDialsAverage":3,"currentAnis":1,"proposedAnis":3,"difference":2},""" +
                """{"region":"New York","state":"NY","areaCodes":["212"],"dailyDialsAverage":1,"currentAnis":1,"proposedAnis":3,"difference":2}]"""));
            Assert.That(plan["totalDials"]!.GetValue<long>(), Is.EqualTo(16));
            Assert.That(plan["totalContacts"]!.GetValue<long>(), Is.EqualTo(4));
            Assert.That(plan["overallContactRate"]!.GetValue<decimal>(), Is.EqualTo(25.0m));
            Assert.That(plan["totalCurrentAnis"]!.GetValue<int>(), Is.EqualTo(2));
            Assert.That(plan["totalProposedAnis"]!.GetValue<int>(), Is.EqualTo(6));
            Assert.That(plan["aniDifference"]!.GetValue<int>(), Is.EqualTo(4));
            Assert.That(plan["unmappedDials"]!.GetValue<long>(), Is.Zero);
        });
    }

    /// <summary>
    /// A dialer's records as it exports them (national numbers, UTC without an offset, a disposition
    /// name), the ANI's health read back, and a disposition marked a contact re-counting the dials.
    /// The company keeps New York's clock: 03:30 UTC on May 5 is 23:30 on May 4 there.
    /// </summary>
    [Test]
    public async Task A_dialers_records_are_read_as_it_writes_them_and_a_disposition_recounts_them()
    {
        var token = await NewCustomerAsync("Dialer Smoke");
        await SendAsync(HttpMethod.Put, "/ani-planner/dispositions/1", token, """{"name": "Sale", "type": "Agent", "contact": true, "success": true}""");
        string Record(string dialId, string disposition, string datetime, string direction = "Outbound") => new JsonObject
        {
            ["dial_id"] = dialId, ["campaign_id"] = 4417, ["campaign_name"] = "Renewals", ["ani"] = "(213) 555-0100", ["prospect_phone"] = $"213555{dialId}",
            ["disposition_name"] = disposition, ["datetime"] = datetime, ["call_direction"] = direction, ["agent_name"] = "Ada",
        }.ToJsonString();
        var ndjson = string.Join("\n", Record("0001", "Sale", "2026-05-04 17:00:00"), Record("0002", "sale", "2026-05-04 17:05:00"),
            Record("0003", "Voicemail", "2026-05-05 03:30:00"), Record("0004", "Sale", "2026-05-04 17:10:00", "SMS"));

        var queued = await SendAsync(HttpMethod.Post, "/dials", token, ndjson, "application/x-ndjson");
        var before = await UsageAsync(token);
        var voicemail = (await SendAsync(HttpMethod.Get, "/ani-planner/dispositions", token))["data"]!.AsArray().Single(item => item!["name"]!.GetValue<string>() == "Voicemail")!;
        await SendAsync(HttpMethod.Put, $"/ani-planner/dispositions/{voicemail["id"]}", token, """{"name": "Voicemail", "type": "System", "contact": true, "success": false}""");
        var after = await UsageAsync(token);

        Assert.Multiple(() =>
        {
            Assert.That(queued.ToJsonString(), Is.EqualTo("""{"message":"dial queued","accepted":3,"duplicates":0,"skipped":1,"rejected":[],"rejected_count":0}"""));
            Assert.That(before, Is.EqualTo(("+12135550100", 3L, 2L, 1L, 3L, "2026-05-04")), "number, dials, contacts, active days, peak, last dialed");
            Assert.That(after, Is.EqualTo(("+12135550100", 3L, 3L, 1L, 3L, "2026-05-04")));
        });
    }

    private async Task<(string, long, long, long, long, string)> UsageAsync(string token)
    {
        var ani = (await SendAsync(HttpMethod.Get, "/ani-planner/anis/usage?dateStart=2026-05-04&dateEnd=2026-05-08", token))["data"]!["items"]!.AsArray().Single()!;
        return (ani["number"]!.GetValue<string>(), ani["dials"]!.GetValue<long>(), ani["contacts"]!.GetValue<long>(), ani["activeDays"]!.GetValue<long>(),
            ani["peakDailyDials"]!.GetValue<long>(), ani["lastDialed"]!.GetValue<string>());
    }

    private async Task<string> NewCustomerAsync(string name) =>
        (await SendAsync(HttpMethod.Post, "/v1.0/customers", PublishedService.AdminKey, new JsonObject { ["name"] = name }.ToJsonString()))
            ["accesskey"]!["token"]!.GetValue<string>();

    /// <summary>Sends a request, asserts a 200, answers the parsed body.</summary>
    private async Task<JsonNode> SendAsync(HttpMethod method, string url, string token, string? body = null, string contentType = "application/json")
    {
        using var request = ServiceArrangements.Authorized(method, url, token, body, contentType);
        using var response = await Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), $"{method} {url}: {text}");
        return JsonNode.Parse(text)!;
    }
}
