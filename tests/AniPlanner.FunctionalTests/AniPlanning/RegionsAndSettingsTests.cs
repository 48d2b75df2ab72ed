using System.Net;
using System.Text.Json.Nodes;
using AniPlanner.FunctionalTests.Infrastructure;

namespace AniPlanner.FunctionalTests.AniPlanning;

/// <summary>The regions of each country, the country setting, and how a plan's country is chosen.</summary>
public sealed class RegionsAndSettingsTests(DatabaseKind kind) : AniPlanningTestBase(kind)
{
    private static JsonObject Region(string region, string state, params string[] areaCodes) => new()
    {
        ["region"] = region,
        ["state"] = state,
        ["areaCodes"] = new JsonArray([.. areaCodes.Select(code => (JsonNode)code)]),
    };

    private async Task<JsonArray> RegionsAsync(string token, string query)
    {
        var (status, body) = await SendAsync(HttpMethod.Get, $"{Url}/regions{query}", token);
        Assert.That(status, Is.EqualTo(HttpStatusCode.OK), body?.ToJsonString());
        Assert.That(body!["success"]!.GetValue<bool>(), Is.True);
        return body["data"]!.AsArray();
    }

    private static JsonNode? Find(JsonArray regions, string region, string state) =>
        regions.SingleOrDefault(row => row!["region"]!.GetValue<string>() == region && row["state"]!.GetValue<string>() == state);

    private static void AssertContains(JsonArray regions, JsonObject expected) =>
        Assert.That(Find(regions, expected["region"]!.GetValue<string>(), expected["state"]!.GetValue<string>())?.ToJsonString(),
            Is.EqualTo(expected.ToJsonString()));

    [TestCase("")]
    [TestCase("?country=us")]
    public async Task Us_regions_roll_overlays_up_and_include_toll_free(string query)
    {
        var token = await NewCompanyAsync();

        var regions = await RegionsAsync(token, query);

        // nanp_area_codes.csv: 380 US geographic codes in 233 (region, state) pairs, plus Toll-Free.
        Assert.That(regions, Has.Count.EqualTo(234));
        Assert.Multiple(() =>
        {
            AssertContains(regions, Region("Los Angeles", "CA", "213", "310", "323", "424", "738"));
            AssertContains(regions, Region("New York", "NY", "212", "332", "347", "465", "646", "718", "917", "929"));
            AssertContains(regions, Region("Toll-Free", "TF", "800", "822", "833", "844", "855", "866", "877", "888"));
            Assert.That(Find(regions, "Toronto", "ON"), Is.Null, "Canadian");
            Assert.That(Find(regions, "Greater London", "20"), Is.Null, "British");
            Assert.That(regions.Any(row => row!["areaCodes"]!.AsArray().Any(code => code!.GetValue<string>() is "900" or "242")), Is.False,
                "non-geographic and other countries' codes are no region");
        });
    }

    [Test]
    public async Task Canadian_regions_are_sorted_by_province_then_region()
    {
        var token = await NewCompanyAsync();

        var regions = await RegionsAsync(token, "?country=ca");

        // nanp_area_codes.csv: 56 Canadian geographic codes in 20 (region, province) pairs, plus Toll-Free.
        Assert.That(regions, Has.Count.EqualTo(21));
        Assert.Multiple(() =>
        {
            Assert.That(regions[0]!.ToJsonString(), Is.EqualTo(Region("Calgary", "AB", "368", "403", "587", "825").ToJsonString()));
            Assert.That(regions[1]!.ToJsonString(), Is.EqualTo(Region("Edmonton", "AB", "780").ToJsonString()));
            AssertContains(regions, Region("Toronto", "ON", "416", "437", "647", "942"));
            AssertContains(regions, Region("Yukon, Northwest Territories & Nunavut", "NT", "867"));
            Assert.That(regions[^1]!.ToJsonString(), Is.EqualTo(Region("Toll-Free", "TF", "800", "822", "833", "844", "855", "866", "877", "888").ToJsonString()),
                "\"TF\" sorts after every province");
        });
    }

    [Test]
    public async Task Uk_regions_are_one_per_area_code_plus_mobile_and_never_freephone()
    {
        var token = await NewCompanyAsync();

        var regions = await RegionsAsync(token, "?country=uk");

        // uk_area_codes.csv: 611 codes, each its own region, plus Mobile.
        Assert.That(regions, Has.Count.EqualTo(612));
        Assert.Multiple(() =>
        {
            AssertContains(regions, Region("Greater London", "20", "20"));
            AssertContains(regions, Region("West Yorkshire", "113", "113"));
            AssertContains(regions, Region("Tyne and Wear, County Durham", "191", "191"));
            AssertContains(regions, Region("Hertfordshire, Essex", "1992", "1992"));
            AssertContains(regions, Region("Cumbria", "16977", "16977"));
            AssertContains(regions, Region("Mobile", "7", "7"));
            Assert.That(regions.Any(row => row!["state"]!.GetValue<string>() is "800" or "808" or ""), Is.False, "freephone is no region");
            Assert.That(Find(regions, "Los Angeles", "CA"), Is.Null);
        });
    }

    [TestCase("fr")]
    [TestCase("US")]
    [TestCase("gb")]
    public async Task An_unknown_country_is_refused(string country)
    {
        var token = await NewCompanyAsync();

        AssertFailure(await SendAsync(HttpMethod.Get, $"{Url}/regions?country={country}", token), HttpStatusCode.BadRequest, "country", $"'{country}'");
    }

    // ---- settings ---------------------------------------------------------------------------

    private async Task<JsonNode> SettingsAsync(HttpMethod method, string token, JsonObject? body = null)
    {
        var (status, answer) = await SendAsync(method, $"{Url}/settings", token, body);
        Assert.That(status, Is.EqualTo(HttpStatusCode.OK), answer?.ToJsonString());
        Assert.That(answer!["success"]!.GetValue<bool>(), Is.True);
        return answer["data"]!;
    }

    /// <summary>The settings answer: the stored values (null: the default) and what they come to.</summary>
    private static string SettingsJson(string? country, string? timeZone, string? numberRegion, string effectiveCountry, string effectiveZone, string effectiveRegion) =>
        new JsonObject
        {
            ["country"] = country,
            ["timeZone"] = timeZone,
            ["numberRegion"] = numberRegion,
            ["effective"] = new JsonObject { ["country"] = effectiveCountry, ["timeZone"] = effectiveZone, ["numberRegion"] = effectiveRegion },
        }.ToJsonString();

    [Test]
    public async Task Settings_start_without_a_country_and_keep_the_one_set()
    {
        var token = await NewCompanyAsync();

        var initial = await SettingsAsync(HttpMethod.Get, token);
        var set = await SettingsAsync(HttpMethod.Put, token, new JsonObject { ["country"] = "ca" });
        var read = await SettingsAsync(HttpMethod.Get, token);
        var cleared = await SettingsAsync(HttpMethod.Put, token, new JsonObject { ["country"] = null });
        var readAgain = await SettingsAsync(HttpMethod.Get, token);

        Assert.Multiple(() =>
        {
            Assert.That(initial.ToJsonString(), Is.EqualTo(SettingsJson(null, null, null, "us", "America/New_York", "us")));
            Assert.That(set.ToJsonString(), Is.EqualTo(SettingsJson("ca", null, null, "ca", "America/Toronto", "ca")));
            Assert.That(read.ToJsonString(), Is.EqualTo(set.ToJsonString()));
            Assert.That(cleared.ToJsonString(), Is.EqualTo(initial.ToJsonString()));
            Assert.That(readAgain.ToJsonString(), Is.EqualTo(initial.ToJsonString()));
        });
    }

    [Test]
    public async Task The_time_zone_and_number_region_are_set_and_replaced_with_the_rest()
    {
        var token = await NewCompanyAsync();

        var set = await SettingsAsync(HttpMethod.Put, token,
            new JsonObject { ["country"] = "us", ["timeZone"] = "America/Los_Angeles", ["numberRegion"] = "ca" });
        var renamed = await SettingsAsync(HttpMethod.Put, token, new JsonObject { ["timeZone"] = "Asia/Calcutta" });
        var uk = await SettingsAsync(HttpMethod.Put, token, new JsonObject { ["country"] = "uk" });
        var read = await SettingsAsync(HttpMethod.Get, token);

        Assert.Multiple(() =>
        {
            Assert.That(set.ToJsonString(), Is.EqualTo(SettingsJson("us", "America/Los_Angeles", "ca", "us", "America/Los_Angeles", "ca")));
            Assert.That(renamed.ToJsonString(), Is.EqualTo(SettingsJson(null, "Asia/Kolkata", null, "us", "Asia/Kolkata", "us")),
                "a PUT replaces every setting; a renamed zone is kept under its current name");
            Assert.That(uk.ToJsonString(), Is.EqualTo(SettingsJson("uk", null, null, "uk", "Europe/London", "uk")));
            Assert.That(read.ToJsonString(), Is.EqualTo(uk.ToJsonString()));
        });
    }

    [Test]
    public async Task Defaults_follow_the_detected_country()
    {
        var token = await NewCompanyAsync();
        await PutAnisAsync(token, Ani("+442079460102"));

        Assert.That((await SettingsAsync(HttpMethod.Get, token)).ToJsonString(), Is.EqualTo(SettingsJson(null, null, null, "uk", "Europe/London", "uk")));
    }

    [TestCase("timeZone", "Mars/Olympus_Mons", "timeZone must be an IANA time zone")]
    [TestCase("timeZone", "Eastern Standard Time", "timeZone must be an IANA time zone")]
    [TestCase("timeZone", "localtime", "timeZone must be an IANA time zone")]
    [TestCase("timeZone", "", "(the country's: us America/New_York, ca America/Toronto, uk Europe/London)")]
    [TestCase("numberRegion", "gb", "numberRegion must be \"us\", \"ca\", \"uk\" or null")]
    [TestCase("numberRegion", "", "got ''")]
    public async Task A_bad_time_zone_or_number_region_is_refused_and_nothing_changes(string field, string value, string message)
    {
        var token = await NewCompanyAsync();
        await SettingsAsync(HttpMethod.Put, token, new JsonObject { ["country"] = "ca" });

        AssertFailure(await SendAsync(HttpMethod.Put, $"{Url}/settings", token, new JsonObject { [field] = value }), HttpStatusCode.BadRequest, message);
        Assert.That((await SettingsAsync(HttpMethod.Get, token))["country"]!.GetValue<string>(), Is.EqualTo("ca"));
    }

    [TestCase("gb")]
    [TestCase("UK")]
    [TestCase("")]
    public async Task An_unknown_country_setting_is_refused(string country)
    {
        var token = await NewCompanyAsync();

        AssertFailure(await SendAsync(HttpMethod.Put, $"{Url}/settings", token, new JsonObject { ["country"] = country }), HttpStatusCode.BadRequest, "country");
        Assert.That((await SettingsAsync(HttpMethod.Get, token))["country"], Is.Null);
    }

    [Test]
    public async Task The_country_setting_overrides_detection_and_clearing_it_detects_again()
    {
        // US inventory and a New York dial; the company says it plans for the UK.
        var token = await NewCompanyAsync();
        await PutAnisAsync(token, Ani("+12125550101"));
        await PutCampaignAsync(token, "sales");
        await ImportAsync(token,
            Dial("ny-1", "+12125550001", "2026-05-04T10:00:00-04:00"),
            Dial("ldn-1", "+442079460001", "2026-05-04T10:00:00+01:00"));
        await SettingsAsync(HttpMethod.Put, token, new JsonObject { ["country"] = "uk" });

        var asUk = await GenerateAsync(token, Range("2026-05-04", "2026-05-08"));

        Assert.That(asUk["country"]!.GetValue<string>(), Is.EqualTo("uk"));
        // A UK plan: London 1 dial (1 a day, UK floor 2); the New York dial and the US ANI fit no UK row.
        AssertRows(asUk, Row("Greater London", "20", ["20"], 1, 0, 2, 2));
        AssertTotals(asUk, totalDials: 1, totalContacts: 0, overallContactRate: 0m, totalCurrentAnis: 0, totalProposedAnis: 2, aniDifference: 2, unmappedDials: 1);
        Assert.That(asUk["tollFreeRecommendation"]!.GetValue<int>(), Is.EqualTo(1), "ceil(1% of 2)");

        await SettingsAsync(HttpMethod.Put, token, new JsonObject { ["country"] = null });
        var detected = await GenerateAsync(token, Range("2026-05-04", "2026-05-08"));

        Assert.That(detected["country"]!.GetValue<string>(), Is.EqualTo("us"));
        AssertRows(detected, Row("New York", "NY", ["212"], 1, 1, 3, 2));
        AssertTotals(detected, totalDials: 1, totalContacts: 0, overallContactRate: 0m, totalCurrentAnis: 1, totalProposedAnis: 3, aniDifference: 2, unmappedDials: 1);
    }

    [Test]
    public async Task The_country_most_anis_belong_to_wins_and_removed_ones_do_not_count()
    {
        var token = await NewCompanyAsync();
        await PutAnisAsync(token, Ani("+12125550101"), Ani("+442079460102"), Ani("+442079460103"));

        var twoBritish = await GenerateAsync(token, Range("2026-05-04", "2026-05-08"));
        await PutAnisAsync(token, Ani("+442079460103", "removed"));
        var oneEach = await GenerateAsync(token, Range("2026-05-04", "2026-05-08"));
        await PutAnisAsync(token, Ani("+442079460102", "removed"), Ani("+14165550104"), Ani("+16475550105"));
        var twoCanadian = await GenerateAsync(token, Range("2026-05-04", "2026-05-08"));

        Assert.Multiple(() =>
        {
            Assert.That(twoBritish["country"]!.GetValue<string>(), Is.EqualTo("uk"), "2 GB against 1 US");
            Assert.That(oneEach["country"]!.GetValue<string>(), Is.EqualTo("us"), "1 GB against 1 US: a tie goes to us");
            Assert.That(twoCanadian["country"]!.GetValue<string>(), Is.EqualTo("ca"), "2 CA against 1 US, both GB removed");
        });
    }

    [Test]
    public async Task Inventory_beats_the_dials_anis_in_detecting_the_country()
    {
        // One Canadian ANI in the inventory; three dials placed from a US number: ca.
        var token = await NewCompanyAsync();
        await PutAnisAsync(token, Ani("+14165550101"));
        await PutCampaignAsync(token, "sales");
        await ImportAsync(token, Dials("d", 3, "+12125550001", "2026-05-04T10:00:00-04:00", ani: "+12125550100"));

        var plan = await GenerateAsync(token, Range("2026-05-04", "2026-05-08"));

        Assert.That(plan["country"]!.GetValue<string>(), Is.EqualTo("ca"));
    }

    [Test]
    public async Task With_only_removed_anis_the_country_comes_from_the_dials()
    {
        var token = await NewCompanyAsync();
        await PutAnisAsync(token, Ani("+14165550101", "removed"));
        await PutCampaignAsync(token, "sales");
        await ImportAsync(token, Dials("d", 2, "+442079460001", "2026-05-04T10:00:00+01:00", ani: "+442079460100"));

        var plan = await GenerateAsync(token, Range("2026-05-04", "2026-05-08"));

        Assert.That(plan["country"]!.GetValue<string>(), Is.EqualTo("uk"));
    }
}
