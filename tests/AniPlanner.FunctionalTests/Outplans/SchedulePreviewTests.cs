using System.Net;
using System.Text.Json.Nodes;
using AniPlanner.FunctionalTests.Infrastructure;

namespace AniPlanner.FunctionalTests.Outplans;

/// <summary>
/// <c>POST /v1.0/outplans/{id}/schedule_preview</c> and <c>POST /v1.0/schedule_preview</c>, against
/// timelines worked out by hand (the cases of the schedule itself are in DialScheduleTests).
/// </summary>
public sealed class SchedulePreviewTests(DatabaseKind kind) : ApiTestBase(kind)
{
    private const string NewYork = "+12125550100";
    private const string London = "+442079460000";

    private async Task<(string Token, string Id)> SalesOutplanAsync(JsonObject? window = null)
    {
        var (_, token) = await CreateCustomerAsync();
        var id = (await SendAsync(HttpMethod.Post, "/v1.0/outplans", token, OutplanTestData.CreateBody())).Body!["id"]!.GetValue<string>();
        var put = await SendAsync(HttpMethod.Put, $"/v1.0/outplans/{id}/calling_window", token, window ?? new JsonObject
        {
            ["days"] = new JsonArray("mon", "tue", "wed", "thu", "fri"), ["start"] = "09:00", ["end"] = "18:00",
        });
        Assert.That(put.Status, Is.EqualTo(HttpStatusCode.OK), put.Body?.ToJsonString());
        return (token, id);
    }

    /// <summary>A strategy given inline: 30 s rings 10 minutes apart, one try of each destination, from <paramref name="start"/>.</summary>
    private static JsonObject Inline(string? start, params string[] destinations)
    {
        var body = Preview(start, destinations);
        body["dial_timeout"] = 30000;
        body["try_interval"] = 600000;
        for (var index = 0; index < destinations.Length; index++)
        {
            body[$"max_try_count_{index}"] = 1;
        }

        return body;
    }

    private static JsonObject Preview(string? start, params string[] destinations)
    {
        var body = new JsonObject { ["destinations"] = new JsonArray([.. destinations.Select(destination => JsonValue.Create(destination))]) };
        if (start is not null)
        {
            body["start"] = start;
        }

        return body;
    }

    /// <summary>As the service writes it: a '+' stays a '+' (System.Text.Json would write \u002B).</summary>
    private static readonly System.Text.Json.JsonSerializerOptions AsWritten = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static string Json(JsonNode node) => node.ToJsonString(AsWritten);

    private static IEnumerable<string> Column(JsonNode preview, string field) =>
        preview["attempts"]!.AsArray().Select(attempt => attempt![field]!.ToJsonString().Trim('"'));

    [Test]
    public async Task The_seeds_sales_example_calls_new_york_and_london_each_in_its_own_working_hours()
    {
        // Sales Standard (30 s, 2 h, 3 + 2 tries), weekdays 09:00-18:00 callee time; Friday 15:00 in New York.
        var (token, id) = await SalesOutplanAsync();

        var preview = await SendAsync(HttpMethod.Post, $"/v1.0/outplans/{id}/schedule_preview", token, Preview("2026-11-27T15:00:00-05:00", NewYork, London));

        Assert.That(preview.Status, Is.EqualTo(HttpStatusCode.OK), preview.Body?.ToJsonString());
        var body = preview.Body!;
        Assert.That(body["start"]!.GetValue<string>(), Is.EqualTo("2026-11-27T20:00:00.000000Z"));
        Assert.That((body["dial_timeout"]!.GetValue<long>(), body["try_interval"]!.GetValue<long>()), Is.EqualTo((30000, 7200000)));
        Assert.That(Json(body["destinations"]!), Is.EqualTo(
            """[{"destination_index":0,"destination":"+12125550100","max_try_count":3,"time_zones":["America/New_York"],"time_zone_source":"number"},""" +
            """{"destination_index":1,"destination":"+442079460000","max_try_count":2,"time_zones":["Europe/London"],"time_zone_source":"number"}]"""));
        Assert.That(Column(body, "destination_index"), Is.EqualTo(new[] { "0", "0", "0", "1", "1" }));
        Assert.That(Column(body, "try_number"), Is.EqualTo(new[] { "1", "2", "3", "1", "2" }));
        Assert.That(Column(body, "due_at"), Is.EqualTo(new[]
        {
            "2026-11-27T20:00:00.000000Z", "2026-11-27T22:00:30.000000Z", "2026-11-28T00:01:00.000000Z", "2026-11-30T16:00:30.000000Z", "2026-11-30T18:01:00.000000Z",
        }));
        Assert.That(Column(body, "dial_at"), Is.EqualTo(new[]
        {
            "2026-11-27T20:00:00.000000Z", "2026-11-27T22:00:30.000000Z", "2026-11-30T14:00:00.000000Z", "2026-11-30T16:00:30.000000Z", "2026-12-01T09:00:00.000000Z",
        }));
        Assert.That(Column(body, "moved_by_window"), Is.EqualTo(new[] { "false", "false", "true", "false", "true" }));
        Assert.That(Column(body, "ring_until").ElementAt(2), Is.EqualTo("2026-11-30T14:00:30.000000Z"));
        Assert.That(body["attempts"]!.AsArray().Select(attempt => Json(attempt!["callee_times"]!)), Is.EqualTo(new[]
        {
            """[{"time_zone":"America/New_York","local_time":"2026-11-27T15:00:00.000000-05:00"}]""",
            """[{"time_zone":"America/New_York","local_time":"2026-11-27T17:00:30.000000-05:00"}]""",
            """[{"time_zone":"America/New_York","local_time":"2026-11-30T09:00:00.000000-05:00"}]""",
            """[{"time_zone":"Europe/London","local_time":"2026-11-30T16:00:30.000000+00:00"}]""",
            """[{"time_zone":"Europe/London","local_time":"2026-12-01T09:00:00.000000+00:00"}]""",
        }));
        Assert.That(body["last_ring_until"]!.GetValue<string>(), Is.EqualTo("2026-12-01T09:00:30.000000Z"));
        Assert.That(body["calling_window"]!["days"]!.AsArray(), Has.Count.EqualTo(5));
    }

    [Test]
    public async Task An_idaho_number_waits_until_the_window_is_open_in_both_of_its_zones()
    {
        var (token, id) = await SalesOutplanAsync();

        // Wednesday 08:30 in Boise (MST), 07:30 in the Pacific part of area code 208.
        var preview = (await SendAsync(HttpMethod.Post, $"/v1.0/outplans/{id}/schedule_preview", token, Preview("2026-11-25T15:30:00Z", "+12085550100"))).Body!;

        Assert.That(Json(preview["destinations"]![0]!["time_zones"]!), Is.EqualTo("""["America/Boise","America/Los_Angeles"]"""));
        Assert.That(Column(preview, "dial_at").First(), Is.EqualTo("2026-11-25T17:00:00.000000Z"), "09:00 in Los Angeles, an hour after Boise opened");
        Assert.That(Json(preview["attempts"]![0]!["callee_times"]!), Is.EqualTo(
            """[{"time_zone":"America/Boise","local_time":"2026-11-25T10:00:00.000000-07:00"},{"time_zone":"America/Los_Angeles","local_time":"2026-11-25T09:00:00.000000-08:00"}]"""));
    }

    [Test]
    public async Task A_destination_with_no_known_zone_falls_back_to_the_windows_own_zone()
    {
        var (token, id) = await SalesOutplanAsync(new JsonObject
        {
            ["days"] = new JsonArray("mon", "tue", "wed", "thu", "fri"), ["start"] = "09:00", ["end"] = "18:00", ["time_zone"] = "America/Chicago",
        });
        var inChicago = (await SendAsync(HttpMethod.Post, $"/v1.0/outplans/{id}/schedule_preview", token, Preview("2026-11-25T12:00:00Z", "sip:desk@pbx.example.com"))).Body!;

        Assert.That(inChicago["destinations"]![0]!["time_zone_source"]!.GetValue<string>(), Is.EqualTo("outplan"));
        Assert.That(Json(inChicago["destinations"]![0]!["time_zones"]!), Is.EqualTo("""["America/Chicago"]"""));
        Assert.That(Column(inChicago, "dial_at").First(), Is.EqualTo("2026-11-25T15:00:00.000000Z"), "09:00 CST");
    }

    [Test]
    public async Task A_number_with_no_known_zone_under_a_callee_time_window_is_scheduled_in_utc_and_says_so()
    {
        var (token, id) = await SalesOutplanAsync();

        // VoIPBIN's own example numbers (+1 555) belong to no area, so to no zone.
        var preview = (await SendAsync(HttpMethod.Post, $"/v1.0/outplans/{id}/schedule_preview", token, Preview("2026-11-25T06:00:00Z", "+15559876543"))).Body!;

        Assert.That(Json(preview["destinations"]![0]!["time_zones"]!), Is.EqualTo("""["UTC"]"""));
        Assert.That(preview["destinations"]![0]!["time_zone_source"]!.GetValue<string>(), Is.EqualTo("utc"));
        Assert.That(Column(preview, "dial_at").First(), Is.EqualTo("2026-11-25T09:00:00.000000Z"));
    }

    [Test]
    public async Task Without_a_start_the_schedule_starts_now()
    {
        var (token, id) = await SalesOutplanAsync();
        var before = DateTime.UtcNow.AddSeconds(-1);

        var preview = (await SendAsync(HttpMethod.Post, $"/v1.0/outplans/{id}/schedule_preview", token, Preview(null, NewYork))).Body!;

        var start = DateTime.Parse(preview["start"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal);
        Assert.That(start, Is.InRange(before, DateTime.UtcNow.AddSeconds(1)));
        Assert.That(preview["attempts"]!.AsArray(), Has.Count.EqualTo(3));
    }

    [Test]
    public async Task A_strategy_can_be_previewed_inline_before_it_is_saved()
    {
        var (_, token) = await CreateCustomerAsync();
        var body = new JsonObject
        {
            // The seed's reminder: 25 s, 1 h, two tries of destination_0 and none of destination_1.
            ["dial_timeout"] = 25000, ["try_interval"] = 3600000, ["max_try_count_0"] = 2, ["max_try_count_1"] = 0,
            ["destinations"] = new JsonArray(NewYork, London), ["start"] = "2026-11-26T01:30:00Z",
        };

        var preview = await SendAsync(HttpMethod.Post, "/v1.0/schedule_preview", token, body);

        Assert.That(preview.Status, Is.EqualTo(HttpStatusCode.OK), preview.Body?.ToJsonString());
        Assert.That(Column(preview.Body!, "dial_at"), Is.EqualTo(new[] { "2026-11-26T01:30:00.000000Z", "2026-11-26T13:00:00.000000Z" }),
            "20:30 EST, then 08:00 EST: 21:30:25 is in quiet hours");
        Assert.That(preview.Body!["destinations"]![1]!["max_try_count"]!.GetValue<int>(), Is.Zero);
        Assert.That(preview.Body!["calling_window"]!["end"]!.GetValue<string>(), Is.EqualTo("24:00"), "no window given: any day and hour");
    }

    [Test]
    public async Task A_window_that_never_opens_for_a_destination_is_a_400_naming_it()
    {
        var (_, token) = await CreateCustomerAsync();
        var body = Inline("2026-11-25T09:00:00Z", London, "+18085550100");
        body["calling_window"] = new JsonObject
        {
            ["days"] = new JsonArray("mon", "tue", "wed", "thu", "fri", "sat", "sun"), ["start"] = "09:00", ["end"] = "10:00", ["time_zone"] = "Europe/London",
        };

        AssertError(await SendAsync(HttpMethod.Post, "/v1.0/schedule_preview", token, body), HttpStatusCode.BadRequest, "INVALID_ARGUMENT", "INVALID_ARGUMENT",
            "destination_1 +18085550100: the calling window never opens in Pacific/Honolulu");
    }

    [Test]
    public async Task A_toll_free_number_is_placed_only_by_its_country_and_dialled_when_every_zone_of_it_allows()
    {
        var (_, token) = await CreateCustomerAsync();
        var body = Inline("2026-11-25T15:00:00Z", "+18005550100");

        var anyHour = (await SendAsync(HttpMethod.Post, "/v1.0/schedule_preview", token, body)).Body!;

        // Quiet hours everywhere from Pago Pago to Guam: Guam's 08:00 (22:00Z) is the first instant all allow.
        Assert.That(anyHour["destinations"]![0]!["time_zone_source"]!.GetValue<string>(), Is.EqualTo("country"));
        Assert.That(anyHour["destinations"]![0]!["time_zones"]!.AsArray().Select(zone => zone!.GetValue<string>()).ToList(),
            Has.Count.GreaterThan(30).And.Contain("Pacific/Guam").And.Contain("Pacific/Pago_Pago"));
        Assert.That(Column(anyHour, "dial_at"), Is.EqualTo(new[] { "2026-11-25T22:00:00.000000Z" }));

        body["calling_window"] = new JsonObject { ["days"] = new JsonArray("mon", "tue", "wed", "thu", "fri"), ["start"] = "09:00", ["end"] = "18:00" };
        AssertError(await SendAsync(HttpMethod.Post, "/v1.0/schedule_preview", token, body), HttpStatusCode.BadRequest, "INVALID_ARGUMENT", "INVALID_ARGUMENT",
            "time zones this callee may be in (a number placed only by its country may be in any of them)");
    }

    [Test]
    public async Task A_callee_in_a_renamed_zone_gets_its_current_name()
    {
        var (_, token) = await CreateCustomerAsync();
        var body = Inline("2026-11-25T00:00:00Z", "+911123456789");

        // libphonenumber says Asia/Calcutta, a name newer tzdata keeps only in tzdata-legacy; 08:00 IST is 02:30Z.
        var preview = (await SendAsync(HttpMethod.Post, "/v1.0/schedule_preview", token, body)).Body!;

        Assert.That(Json(preview["destinations"]![0]!["time_zones"]!), Is.EqualTo("""["Asia/Kolkata"]"""));
        Assert.That(Column(preview, "dial_at"), Is.EqualTo(new[] { "2026-11-25T02:30:00.000000Z" }));
    }

    [TestCase("""{"start":"2026-11-25T09:00:00Z"}""", "destinations must list 1 to 5 destinations")]
    [TestCase("""{"destinations":[]}""", "destinations must list 1 to 5 destinations")]
    [TestCase("""{"destinations":["+12125550100","+12125550101","+12125550102","+12125550103","+12125550104","+12125550105"]}""", "got 6")]
    [TestCase("""{"destinations":["+12125550100","+1555"]}""", "destinations[1] '+1555' is too short for its country")]
    [TestCase("""{"destinations":["12125550100"]}""", "destinations[0] '12125550100' is neither an E.164 number")]
    [TestCase("""{"destinations":[""]}""", "destinations[0] is empty")]
    [TestCase("""{"destinations":["+12125550100"],"start":"tomorrow"}""", "start 'tomorrow' must be an RFC 3339 instant")]
    [TestCase("""{"destinations":["+12125550100"],"start":"2026-11-25T09:00:00"}""", "must be an RFC 3339 instant with its offset")]
    [TestCase("""{"destinations":["+12125550100"],"start":"1969-12-31T23:59:59Z"}""", "between 1970 and 2199")]
    [TestCase("""{"destinations":"+12125550100"}""", "destinations")]
    public async Task A_bad_preview_is_refused_with_what_to_fix(string json, string message)
    {
        var (token, id) = await SalesOutplanAsync();

        var preview = await SendAsync(HttpMethod.Post, $"/v1.0/outplans/{id}/schedule_preview", token, JsonNode.Parse(json));

        Assert.That(preview.Status, Is.EqualTo(HttpStatusCode.BadRequest), preview.Body?.ToJsonString());
        Assert.That(preview.Body!["error"]!["message"]!.GetValue<string>(), Does.Contain(message));
    }

    [TestCase("dial_timeout", "dial_timeout is required")]
    [TestCase("calling_window", "calling_window.end 08:00 must be after start 09:00")]
    [TestCase("destinations", "destinations must list 1 to 5 destinations")]
    public async Task A_bad_inline_strategy_is_refused_with_what_to_fix(string broken, string message)
    {
        var (_, token) = await CreateCustomerAsync();
        var body = Inline(null, NewYork);
        body["calling_window"] = new JsonObject { ["days"] = new JsonArray("mon"), ["start"] = "09:00", ["end"] = "18:00" };
        if (broken == "calling_window")
        {
            body["calling_window"]!["end"] = "08:00";
        }
        else
        {
            body.Remove(broken);
        }

        AssertError(await SendAsync(HttpMethod.Post, "/v1.0/schedule_preview", token, body), HttpStatusCode.BadRequest, "INVALID_ARGUMENT", "VALIDATION_FAILED", message);
    }

    [Test]
    public async Task Another_customers_outplan_is_not_found()
    {
        var (_, id) = await SalesOutplanAsync();
        var (_, stranger) = await CreateCustomerAsync("Other Dialers");

        AssertError(await SendAsync(HttpMethod.Post, $"/v1.0/outplans/{id}/schedule_preview", stranger, Preview(null, NewYork)),
            HttpStatusCode.NotFound, "NOT_FOUND", "OUTPLAN_NOT_FOUND");
    }
}
