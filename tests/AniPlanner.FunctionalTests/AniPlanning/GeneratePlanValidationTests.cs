using System.Net;
using System.Text.Json.Nodes;
using AniPlanner.FunctionalTests.Infrastructure;

namespace AniPlanner.FunctionalTests.AniPlanning;

/// <summary>Every way a generate request is refused: 400 in the ANI Planner envelope, with a message that says why.</summary>
public sealed class GeneratePlanValidationTests(DatabaseKind kind) : AniPlanningTestBase(kind)
{
    private Task<(HttpStatusCode Status, JsonNode? Body)> GenerateRawAsync(string token, JsonObject body) =>
        SendAsync(HttpMethod.Post, $"{Url}/generate", token, body);

    [TestCase("dateStart", "2026-5-4")]
    [TestCase("dateStart", "2026-02-30")]
    [TestCase("dateStart", "04/05/2026")]
    [TestCase("dateEnd", "2026-05-08T00:00:00Z")]
    [TestCase("dateEnd", "yesterday")]
    public async Task A_malformed_date_is_refused_naming_the_field(string field, string value)
    {
        var token = await NewCompanyAsync();
        var body = Range("2026-05-04", "2026-05-08");
        body[field] = value;

        AssertFailure(await GenerateRawAsync(token, body), HttpStatusCode.BadRequest, field, value, "YYYY-MM-DD");
    }

    [Test]
    public async Task A_start_after_the_end_is_refused()
    {
        var token = await NewCompanyAsync();

        AssertFailure(await GenerateRawAsync(token, Range("2026-05-09", "2026-05-08")), HttpStatusCode.BadRequest, "2026-05-09", "after", "2026-05-08");
    }

    [Test]
    public async Task A_default_start_after_a_given_end_is_refused()
    {
        // Pinned to 15 June: the default start is 1 June, after the given end.
        var token = await NewCompanyAsync();

        AssertFailure(await GenerateRawAsync(token, new JsonObject { ["dateEnd"] = "2026-05-08" }), HttpStatusCode.BadRequest, "2026-06-01", "after");
    }

    [Test]
    public async Task A_range_of_367_days_is_refused()
    {
        // 2025-01-01 .. 2026-01-02: 365 days of 2025 + 2 = 367.
        var token = await NewCompanyAsync();

        AssertFailure(await GenerateRawAsync(token, Range("2025-01-01", "2026-01-02")), HttpStatusCode.BadRequest, "367", "366");
    }

    [Test]
    public async Task A_range_of_exactly_366_days_is_accepted()
    {
        // 2024 is a leap year: 2024-01-01 .. 2024-12-31 is 366 days. Mon 1 Jan .. Sun 29 Dec is
        // 52 full weeks (260 weekdays), then Mon 30 and Tue 31 Dec: 262 weekdays.
        var token = await NewCompanyAsync();

        var plan = await GenerateAsync(token, Range("2024-01-01", "2024-12-31"));

        Assert.That(plan["bizDays"]!.GetValue<int>(), Is.EqualTo(262));
    }

    [Test]
    public async Task The_last_days_of_the_calendar_are_a_valid_range()
    {
        // Thu 9999-12-30 and Fri 9999-12-31: 2 weekdays, the last the calendar has.
        var token = await NewCompanyAsync();

        var plan = await GenerateAsync(token, Range("9999-12-30", "9999-12-31"));

        Assert.That(plan["bizDays"]!.GetValue<int>(), Is.EqualTo(2));
    }

    [TestCase("2026-05-02", "2026-05-03")]
    [TestCase("2026-05-09", "2026-05-09")]
    public async Task A_range_without_a_weekday_is_refused(string start, string end)
    {
        var token = await NewCompanyAsync();

        AssertFailure(await GenerateRawAsync(token, Range(start, end)), HttpStatusCode.BadRequest, "weekday");
    }

    [TestCase("dailyDialsTarget", "best", "\"BEST\", \"BETTER\", \"GOOD\"")]
    [TestCase("dailyDialsTarget", "75", "\"BEST\", \"BETTER\", \"GOOD\"")]
    [TestCase("groupBy", "prospect", "\"area_code\", \"ani\", \"zip\"")]
    [TestCase("groupBy", "AREA_CODE", "\"area_code\", \"ani\", \"zip\"")]
    [TestCase("inventoryMode", "active", "\"managed\", \"all\"")]
    public async Task An_unknown_option_value_is_refused_naming_the_field_and_allowed_values(string field, string value, string allowed)
    {
        var token = await NewCompanyAsync();
        var body = Range("2026-05-04", "2026-05-08");
        body[field] = value;

        AssertFailure(await GenerateRawAsync(token, body), HttpStatusCode.BadRequest, field, allowed, value);
    }

    [Test]
    public async Task A_numeric_daily_dials_target_is_refused()
    {
        var token = await NewCompanyAsync();
        var body = Range("2026-05-04", "2026-05-08");
        body["dailyDialsTarget"] = 50;

        AssertFailure(await GenerateRawAsync(token, body), HttpStatusCode.BadRequest, "dailyDialsTarget");
    }

    [TestCase("campaigns")]
    [TestCase("campaignsExclude")]
    public async Task A_campaign_filter_that_is_not_an_array_is_refused_saying_so(string field)
    {
        var token = await NewCompanyAsync();
        var body = Range("2026-05-04", "2026-05-08");
        body[field] = "sales";

        AssertFailure(await GenerateRawAsync(token, body), HttpStatusCode.BadRequest, $"{field} must be an array");
    }

    [Test]
    public async Task Campaigns_and_campaigns_exclude_together_are_refused()
    {
        var token = await NewCompanyAsync();
        await PutCampaignAsync(token, "sales");
        await PutCampaignAsync(token, "renewals");
        var body = Range("2026-05-04", "2026-05-08");
        body["campaigns"] = new JsonArray("sales");
        body["campaignsExclude"] = new JsonArray("renewals");

        AssertFailure(await GenerateRawAsync(token, body), HttpStatusCode.BadRequest, "campaigns", "campaignsExclude");
    }

    [TestCase("campaigns")]
    [TestCase("campaignsExclude")]
    public async Task An_unknown_campaign_in_a_filter_is_refused_naming_it(string field)
    {
        var token = await NewCompanyAsync();
        await PutCampaignAsync(token, "sales");
        var body = Range("2026-05-04", "2026-05-08");
        body[field] = new JsonArray("sales", "no-such-campaign");

        AssertFailure(await GenerateRawAsync(token, body), HttpStatusCode.BadRequest, field, "'no-such-campaign'");
    }

    [TestCase("campaigns")]
    [TestCase("campaignsExclude")]
    public async Task An_inbound_campaign_in_a_filter_is_refused_naming_it(string field)
    {
        var token = await NewCompanyAsync();
        await PutCampaignAsync(token, "callbacks", "inbound");
        await PutCampaignAsync(token, "sales", "outbound", "Sales", "callbacks");
        var body = Range("2026-05-04", "2026-05-08");
        body[field] = new JsonArray("callbacks");

        AssertFailure(await GenerateRawAsync(token, body), HttpStatusCode.BadRequest, field, "'callbacks'", "inbound");
    }

    [Test]
    public async Task Another_companys_campaign_in_a_filter_is_unknown()
    {
        var owner = await NewCompanyAsync("Owner");
        await PutCampaignAsync(owner, "secret-sales");
        var other = await NewCompanyAsync("Other");
        var body = Range("2026-05-04", "2026-05-08");
        body["campaigns"] = new JsonArray("secret-sales");

        AssertFailure(await GenerateRawAsync(other, body), HttpStatusCode.BadRequest, "'secret-sales'");
    }

    [TestCase("{\"dateStart\": ")]
    [TestCase("[1, 2]")]
    [TestCase("not json")]
    public async Task A_body_that_is_not_a_json_object_is_refused(string raw)
    {
        var token = await NewCompanyAsync();

        AssertFailure(await SendRawAsync(HttpMethod.Post, $"{Url}/generate", token, raw), HttpStatusCode.BadRequest);
    }

    [Test]
    public async Task A_body_that_is_not_json_at_all_is_refused_as_an_unsupported_media_type()
    {
        var token = await NewCompanyAsync();

        AssertFailure(await SendRawAsync(HttpMethod.Post, $"{Url}/generate", token, "dateStart=2026-05-04", "application/x-www-form-urlencoded"),
            HttpStatusCode.UnsupportedMediaType);
    }
}
