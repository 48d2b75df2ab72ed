using System.Net;
using System.Text.Json.Nodes;
using AniPlanner.FunctionalTests.Infrastructure;

namespace AniPlanner.FunctionalTests.AniPlanning;

/// <summary>Campaigns: upsert, inbound mappings, listing, and the plan's campaign filters.</summary>
public sealed class CampaignTests(DatabaseKind kind) : AniPlanningTestBase(kind)
{
    private static JsonObject Expected(long id, string name, string identifier, string type, long[] inboundIds, string[] inboundNames) => new()
    {
        ["id"] = id,
        ["name"] = name,
        ["internalIdentifier"] = identifier,
        ["campaignType"] = type,
        ["inboundCampaignIds"] = new JsonArray([.. inboundIds.Select(value => (JsonNode)value)]),
        ["inboundCampaignNames"] = new JsonArray([.. inboundNames.Select(value => (JsonNode)value)]),
    };

    [Test]
    public async Task Creating_a_campaign_answers_it_in_the_contract_shape()
    {
        var token = await NewCompanyAsync();

        var (status, body) = await SendAsync(HttpMethod.Put, $"{Url}/campaigns/sales-2026", token, CampaignBody("Sales 2026", "outbound"));

        Assert.That(status, Is.EqualTo(HttpStatusCode.OK), body?.ToJsonString());
        Assert.That(body!["success"]!.GetValue<bool>(), Is.True);
        var data = body["data"]!;
        var id = data["id"]!.GetValue<long>();
        Assert.That(id, Is.Positive);
        Assert.That(data.ToJsonString(), Is.EqualTo(Expected(id, "Sales 2026", "sales-2026", "outbound", [], []).ToJsonString()));
    }

    [Test]
    public async Task An_outbound_campaign_maps_inbound_campaigns_by_identifier()
    {
        var token = await NewCompanyAsync();
        var callbacks = await CampaignIdAsync(token, "callbacks", "inbound", "Callbacks");
        var returns = await CampaignIdAsync(token, "returns", "inbound", "Returned Calls");

        var sales = await PutCampaignAsync(token, "sales", "autodial", "Sales", "returns", "callbacks");

        var id = sales["id"]!.GetValue<long>();
        // Ids in ascending order (callbacks was created first), names alongside.
        Assert.That(sales.ToJsonString(),
            Is.EqualTo(Expected(id, "Sales", "sales", "autodial", [callbacks, returns], ["Callbacks", "Returned Calls"]).ToJsonString()));
    }

    [Test]
    public async Task Upserting_an_existing_identifier_updates_it_in_place()
    {
        var token = await NewCompanyAsync();
        var callbacks = await CampaignIdAsync(token, "callbacks", "inbound", "Callbacks");
        var first = await CampaignIdAsync(token, "sales", "outbound", "Sales", "callbacks");

        var second = await PutCampaignAsync(token, "sales", "autodial", "  Sales (autodial)  ");

        Assert.That(second.ToJsonString(), Is.EqualTo(Expected(first, "Sales (autodial)", "sales", "autodial", [], []).ToJsonString()),
            "same id, new name (trimmed) and type, mappings replaced by the new (empty) list");
        var list = (await SendAsync(HttpMethod.Get, $"{Url}/campaigns", token)).Body!["data"]!.AsArray();
        Assert.That(list.Select(campaign => campaign!["id"]!.GetValue<long>()), Is.EqualTo(new[] { callbacks, first }));
    }

    [Test]
    public async Task Identifiers_that_differ_only_in_case_are_two_campaigns()
    {
        var token = await NewCompanyAsync();
        var upper = await CampaignIdAsync(token, "Sales", "outbound", "Sales");

        var lower = await CampaignIdAsync(token, "sales", "autodial", "Sales (autodial)");

        Assert.That(lower, Is.Not.EqualTo(upper), "PUT .../campaigns/sales must not update 'Sales'");
        var list = (await SendAsync(HttpMethod.Get, $"{Url}/campaigns", token)).Body!["data"]!;
        Assert.That(list.ToJsonString(), Is.EqualTo(new JsonArray(
            Expected(upper, "Sales", "Sales", "outbound", [], []),
            Expected(lower, "Sales (autodial)", "sales", "autodial", [], [])).ToJsonString()));
    }

    [Test]
    public async Task Listing_answers_every_campaign_oldest_first_inbound_ones_included()
    {
        var token = await NewCompanyAsync();
        var callbacks = await CampaignIdAsync(token, "callbacks", "inbound", "Callbacks");
        var sales = await CampaignIdAsync(token, "sales", "outbound", "Sales", "callbacks");
        var dialer = await CampaignIdAsync(token, "dialer", "autodial", "Dialer");

        var (status, body) = await SendAsync(HttpMethod.Get, $"{Url}/campaigns", token);

        Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(body!["success"]!.GetValue<bool>(), Is.True);
        Assert.That(body["data"]!.ToJsonString(), Is.EqualTo(new JsonArray(
            Expected(callbacks, "Callbacks", "callbacks", "inbound", [], []),
            Expected(sales, "Sales", "sales", "outbound", [callbacks], ["Callbacks"]),
            Expected(dialer, "Dialer", "dialer", "autodial", [], [])).ToJsonString()));
    }

    [Test]
    public async Task Mapping_an_unknown_inbound_campaign_is_refused_naming_it()
    {
        var token = await NewCompanyAsync();

        AssertFailure(await SendAsync(HttpMethod.Put, $"{Url}/campaigns/sales", token, CampaignBody("Sales", "outbound", "ghost")),
            HttpStatusCode.BadRequest, "inboundCampaigns", "'ghost'");
        var list = (await SendAsync(HttpMethod.Get, $"{Url}/campaigns", token)).Body!["data"]!.AsArray();
        Assert.That(list, Is.Empty, "nothing was saved");
    }

    [Test]
    public async Task Mapping_an_outbound_campaign_as_inbound_is_refused_naming_it()
    {
        var token = await NewCompanyAsync();
        await PutCampaignAsync(token, "other-sales");

        AssertFailure(await SendAsync(HttpMethod.Put, $"{Url}/campaigns/sales", token, CampaignBody("Sales", "outbound", "other-sales")),
            HttpStatusCode.BadRequest, "'other-sales'", "not inbound");
    }

    [Test]
    public async Task Mapping_another_companys_inbound_campaign_is_refused()
    {
        var owner = await NewCompanyAsync("Owner");
        await PutCampaignAsync(owner, "callbacks", "inbound");
        var other = await NewCompanyAsync("Other");

        AssertFailure(await SendAsync(HttpMethod.Put, $"{Url}/campaigns/sales", other, CampaignBody("Sales", "outbound", "callbacks")),
            HttpStatusCode.BadRequest, "'callbacks'");
    }

    [Test]
    public async Task An_inbound_campaign_cannot_map_inbound_campaigns()
    {
        var token = await NewCompanyAsync();
        await PutCampaignAsync(token, "callbacks", "inbound");

        AssertFailure(await SendAsync(HttpMethod.Put, $"{Url}/campaigns/more-callbacks", token, CampaignBody("More", "inbound", "callbacks")),
            HttpStatusCode.BadRequest, "inbound");
    }

    [Test]
    public async Task A_mapped_inbound_campaign_cannot_become_outbound()
    {
        var token = await NewCompanyAsync();
        await PutCampaignAsync(token, "callbacks", "inbound");
        await PutCampaignAsync(token, "sales", "outbound", "Sales", "callbacks");

        AssertFailure(await SendAsync(HttpMethod.Put, $"{Url}/campaigns/callbacks", token, CampaignBody("Callbacks", "outbound")),
            HttpStatusCode.BadRequest, "'callbacks'", "'sales'");
    }

    [Test]
    public async Task An_inbound_campaign_turned_outbound_cannot_map_itself()
    {
        // Once "callbacks" is outbound it is no inbound campaign any more, so it cannot be its own mapping.
        var token = await NewCompanyAsync();
        await PutCampaignAsync(token, "callbacks", "inbound");

        AssertFailure(await SendAsync(HttpMethod.Put, $"{Url}/campaigns/callbacks", token, CampaignBody("Callbacks", "outbound", "callbacks")),
            HttpStatusCode.BadRequest, "'callbacks'");
        var list = (await SendAsync(HttpMethod.Get, $"{Url}/campaigns", token)).Body!["data"]!.AsArray();
        Assert.That(list.Single()!["campaignType"]!.GetValue<string>(), Is.EqualTo("inbound"), "nothing was saved");
    }

    [TestCase("""{"name": "Sales", "campaignType": "predictive"}""", "campaignType")]
    [TestCase("""{"name": "Sales"}""", "campaignType")]
    [TestCase("""{"campaignType": "outbound"}""", "name")]
    [TestCase("""{"name": "", "campaignType": "outbound"}""", "name")]
    [TestCase("""{"name": "Sales", "campaignType": "outbound", "inboundCampaigns": "callbacks"}""", "inboundCampaigns must be an array")]
    public async Task An_invalid_campaign_body_is_refused_naming_the_field(string raw, string field)
    {
        var token = await NewCompanyAsync();

        AssertFailure(await SendRawAsync(HttpMethod.Put, $"{Url}/campaigns/sales", token, raw), HttpStatusCode.BadRequest, field);
    }

    [Test]
    public async Task An_identifier_with_characters_outside_letters_digits_dot_dash_underscore_is_refused()
    {
        var token = await NewCompanyAsync();

        AssertFailure(await SendAsync(HttpMethod.Put, $"{Url}/campaigns/sales%20team", token, CampaignBody("Sales", "outbound")),
            HttpStatusCode.BadRequest, "'sales team'");
    }

    // ---- campaigns in the plan --------------------------------------------------------------

    /// <summary>
    /// Campaigns: callbacks (inbound), sales (outbound, maps callbacks), renewals (autodial),
    /// legacy (outbound, no dials). Mon 4 .. Fri 8 May: sales 4 Los Angeles dials (1 contacted),
    /// renewals 6 New York dials (3 contacted).
    /// </summary>
    private async Task<(long Callbacks, long Sales, long Renewals, long Legacy)> ArrangeAsync(string token)
    {
        var callbacks = await CampaignIdAsync(token, "callbacks", "inbound", "Callbacks");
        var sales = await CampaignIdAsync(token, "sales", "outbound", "Sales", "callbacks");
        var renewals = await CampaignIdAsync(token, "renewals", "autodial", "Renewals");
        var legacy = await CampaignIdAsync(token, "legacy", "outbound", "Legacy");
        await ImportAsync(token, Dials("s", 4, "+12135550001", "2026-05-04T10:00:00-07:00", contacted: 1, campaign: "sales"));
        await ImportAsync(token, Dials("r", 6, "+12125550001", "2026-05-05T10:00:00-04:00", contacted: 3, campaign: "renewals"));
        return (callbacks, sales, renewals, legacy);
    }

    [Test]
    public async Task Without_a_filter_every_outbound_and_autodial_campaign_is_selected()
    {
        var token = await NewCompanyAsync();
        var (callbacks, sales, renewals, legacy) = await ArrangeAsync(token);

        var plan = await GenerateAsync(token, Range("2026-05-04", "2026-05-08"));

        Assert.That(Longs(plan["selectedCampaigns"]), Is.EqualTo(new[] { sales, renewals, legacy }));
        // The inbound campaign is not listed itself, only as sales' mapping.
        Assert.That(plan["campaigns"]!.ToJsonString(), Is.EqualTo(new JsonArray(
            Expected(sales, "Sales", "sales", "outbound", [callbacks], ["Callbacks"]),
            Expected(renewals, "Renewals", "renewals", "autodial", [], []),
            Expected(legacy, "Legacy", "legacy", "outbound", [], [])).ToJsonString()));
        AssertRows(plan,
            Row("New York", "NY", ["212"], 2, 0, 3, 3), // 6 dials over 5 weekdays: ceil(1.2) = 2
            Row("Los Angeles", "CA", ["213"], 1, 0, 3, 3)); // 4 dials: ceil(0.8) = 1
    }

    [Test]
    public async Task An_empty_filter_is_no_filter()
    {
        var token = await NewCompanyAsync();
        var (_, sales, renewals, legacy) = await ArrangeAsync(token);
        var body = Range("2026-05-04", "2026-05-08");
        body["campaigns"] = new JsonArray();
        body["campaignsExclude"] = new JsonArray();

        var plan = await GenerateAsync(token, body);

        Assert.That(Longs(plan["selectedCampaigns"]), Is.EqualTo(new[] { sales, renewals, legacy }));
        Assert.That(plan["totalDials"]!.GetValue<long>(), Is.EqualTo(10), "4 + 6");
    }

    [Test]
    public async Task Including_campaigns_plans_only_their_dials()
    {
        var token = await NewCompanyAsync();
        var (_, sales, renewals, legacy) = await ArrangeAsync(token);
        var body = Range("2026-05-04", "2026-05-08");
        body["campaigns"] = new JsonArray("sales");

        var plan = await GenerateAsync(token, body);

        Assert.That(Longs(plan["selectedCampaigns"]), Is.EqualTo(new[] { sales }));
        Assert.That(plan["campaigns"]!.AsArray().Select(campaign => campaign!["id"]!.GetValue<long>()),
            Is.EqualTo(new[] { sales, renewals, legacy }), "campaigns lists them all, filter or not");
        AssertRows(plan, Row("Los Angeles", "CA", ["213"], 1, 0, 3, 3)); // 4 dials: 1 a day
        // 4 dials, 1 contact: 25.0.
        AssertTotals(plan, totalDials: 4, totalContacts: 1, overallContactRate: 25.0m, totalCurrentAnis: 0, totalProposedAnis: 3, aniDifference: 3, unmappedDials: 0);
    }

    [Test]
    public async Task Excluding_campaigns_plans_the_dials_of_the_others()
    {
        var token = await NewCompanyAsync();
        var (_, _, renewals, legacy) = await ArrangeAsync(token);
        var body = Range("2026-05-04", "2026-05-08");
        body["campaignsExclude"] = new JsonArray("sales");

        var plan = await GenerateAsync(token, body);

        Assert.That(Longs(plan["selectedCampaigns"]), Is.EqualTo(new[] { renewals, legacy }));
        AssertRows(plan, Row("New York", "NY", ["212"], 2, 0, 3, 3)); // 6 dials: ceil(6 / 5) = 2
        // 6 dials, 3 contacts: 50.0.
        AssertTotals(plan, totalDials: 6, totalContacts: 3, overallContactRate: 50.0m, totalCurrentAnis: 0, totalProposedAnis: 3, aniDifference: 3, unmappedDials: 0);
    }

    [Test]
    public async Task Including_a_campaign_without_dials_plans_nothing()
    {
        var token = await NewCompanyAsync();
        var (_, _, _, legacy) = await ArrangeAsync(token);
        var body = Range("2026-05-04", "2026-05-08");
        body["campaigns"] = new JsonArray("legacy");

        var plan = await GenerateAsync(token, body);

        Assert.That(Longs(plan["selectedCampaigns"]), Is.EqualTo(new[] { legacy }));
        Assert.That(plan["regionStats"]!.AsArray(), Is.Empty);
        AssertTotals(plan, totalDials: 0, totalContacts: 0, overallContactRate: 0m, totalCurrentAnis: 0, totalProposedAnis: 0, aniDifference: 0, unmappedDials: 0);
    }
}
