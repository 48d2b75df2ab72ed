using System.Net;
using System.Text.Json.Nodes;
using AniPlanner.FunctionalTests.Infrastructure;

namespace AniPlanner.FunctionalTests.AniPlanning;

/// <summary>Who may call the ANI Planner, and that a company only ever sees its own data.</summary>
public sealed class AniPlannerAccessTests(DatabaseKind kind) : AniPlanningTestBase(kind)
{
    private static readonly object[] Endpoints =
    [
        new object[] { "POST", "/ani-planner/generate", "{}" },
        new object[] { "GET", "/ani-planner/campaigns", "" },
        new object[] { "PUT", "/ani-planner/campaigns/sales", """{"name": "Sales", "campaignType": "outbound"}""" },
        new object[] { "GET", "/ani-planner/anis", "" },
        new object[] { "POST", "/ani-planner/anis", """[{"number": "+12135550001", "status": "active", "managed": true}]""" },
        new object[] { "POST", "/ani-planner/dials", "[]" },
        new object[] { "GET", "/ani-planner/regions?country=us", "" },
        new object[] { "GET", "/ani-planner/settings", "" },
        new object[] { "PUT", "/ani-planner/settings", """{"country": "us"}""" },
        new object[] { "GET", "/ani-planner/anis/usage", "" },
        new object[] { "GET", "/ani-planner/dispositions", "" },
        new object[] { "PUT", "/ani-planner/dispositions/sale", """{"name": "Sale", "type": "Agent", "contact": true, "success": true}""" },
        new object[] { "DELETE", "/ani-planner/dispositions/sale", "" },
        new object[] { "POST", "/dials", "[]" },
    ];

    [TestCaseSource(nameof(Endpoints))]
    public async Task Without_a_token_every_endpoint_answers_401_in_the_envelope(string method, string url, string body)
    {
        AssertFailure(await SendRawAsync(new HttpMethod(method), url, token: null, body.Length == 0 ? null : body), HttpStatusCode.Unauthorized);
    }

    [TestCaseSource(nameof(Endpoints))]
    public async Task An_unknown_token_answers_401_in_the_envelope(string method, string url, string body)
    {
        AssertFailure(await SendRawAsync(new HttpMethod(method), url, "not-a-real-token", body.Length == 0 ? null : body), HttpStatusCode.Unauthorized);
    }

    [TestCaseSource(nameof(Endpoints))]
    public async Task The_platform_admin_key_is_no_customer_and_answers_403_in_the_envelope(string method, string url, string body)
    {
        AssertFailure(await SendRawAsync(new HttpMethod(method), url, AniPlannerFactory.AdminKey, body.Length == 0 ? null : body),
            HttpStatusCode.Forbidden, "customer");
    }

    [Test]
    public async Task An_unknown_route_answers_404_in_the_envelope()
    {
        var token = await NewCompanyAsync();

        AssertFailure(await SendAsync(HttpMethod.Get, $"{Url}/plans", token), HttpStatusCode.NotFound);
    }

    [Test]
    public async Task Another_companys_dials_anis_campaigns_and_settings_never_show_in_a_plan()
    {
        // Company A: a UK setting, London and Leeds ANIs, campaigns, and London dials.
        var companyA = await NewCompanyAsync("Company A");
        await PutAnisAsync(companyA, Ani("+442079460101"), Ani("+441134960102"));
        await PutCampaignAsync(companyA, "callbacks", "inbound");
        await PutCampaignAsync(companyA, "sales", "outbound", "Sales", "callbacks");
        await ImportAsync(companyA, Dials("a", 20, "+442079460001", "2026-05-04T10:00:00+01:00", contacted: 5, ani: "+442079460101"));
        var (settingsStatus, _) = await SendAsync(HttpMethod.Put, $"{Url}/settings", companyA, new JsonObject { ["country"] = "uk" });
        Assert.That(settingsStatus, Is.EqualTo(HttpStatusCode.OK));

        // Company B: nothing at all.
        var companyB = await NewCompanyAsync("Company B");
        var emptyPlan = await GenerateAsync(companyB, Range("2026-05-04", "2026-05-08"));

        Assert.Multiple(() =>
        {
            Assert.That(emptyPlan["country"]!.GetValue<string>(), Is.EqualTo("us"), "A's setting and British numbers are A's");
            Assert.That(emptyPlan["regionStats"]!.AsArray(), Is.Empty);
            Assert.That(emptyPlan["campaigns"]!.AsArray(), Is.Empty);
            Assert.That(emptyPlan["selectedCampaigns"]!.AsArray(), Is.Empty);
        });
        AssertTotals(emptyPlan, totalDials: 0, totalContacts: 0, overallContactRate: 0m, totalCurrentAnis: 0, totalProposedAnis: 0, aniDifference: 0, unmappedDials: 0);

        // B gets its own campaign of the same name, one London ANI and 2 London dials (one a call id A used too).
        await PutSettingsAsync(companyB, "uk");
        await PutAnisAsync(companyB, Ani("+442079460101", "inactive"));
        var salesB = await CampaignIdAsync(companyB, "sales", "autodial", "Sales B");
        await ImportAsync(companyB,
            Dial("a-0", "+442079460001", "2026-05-05T10:00:00+01:00", contacted: true, ani: "+442079460101"),
            Dial("b-1", "+442079460002", "2026-05-05T11:00:00+01:00", ani: "+442079460101"));
        var body = Range("2026-05-04", "2026-05-08");
        body["inventoryMode"] = "all";
        var planB = await GenerateAsync(companyB, body);

        // B: 2 dials over 5 weekdays -> 1 a day; its inactive London number counts in "all"; 1 contact of 2.
        AssertRows(planB, Row("Greater London", "20", ["20"], 1, 1, 2, 1));
        AssertTotals(planB, totalDials: 2, totalContacts: 1, overallContactRate: 50.0m, totalCurrentAnis: 1, totalProposedAnis: 2, aniDifference: 1, unmappedDials: 0);
        Assert.That(Longs(planB["selectedCampaigns"]), Is.EqualTo(new[] { salesB }));
        Assert.That(planB["campaigns"]!.AsArray().Single()!["name"]!.GetValue<string>(), Is.EqualTo("Sales B"));

        // A is untouched by B: 20 dials -> 4 a day; London and Leeds ANIs; 5 contacts of 20 = 25.0.
        var planA = await GenerateAsync(companyA, Range("2026-05-04", "2026-05-08"));
        AssertRows(planA,
            Row("Greater London", "20", ["20"], 4, 1, 2, 1),
            Row("West Yorkshire", "113", ["113"], 0, 1, 0, -1));
        AssertTotals(planA, totalDials: 20, totalContacts: 5, overallContactRate: 25.0m, totalCurrentAnis: 2, totalProposedAnis: 2, aniDifference: 0, unmappedDials: 0);
    }

    [Test]
    public async Task Another_companys_campaigns_and_settings_are_not_listed()
    {
        var companyA = await NewCompanyAsync("Company A");
        await PutCampaignAsync(companyA, "sales");
        await PutSettingsAsync(companyA, "ca");
        var companyB = await NewCompanyAsync("Company B");

        var campaigns = await SendAsync(HttpMethod.Get, $"{Url}/campaigns", companyB);
        var settings = await SendAsync(HttpMethod.Get, $"{Url}/settings", companyB);

        Assert.Multiple(() =>
        {
            Assert.That(campaigns.Body!["data"]!.AsArray(), Is.Empty);
            Assert.That(settings.Body!["data"]!["country"], Is.Null);
        });
    }

    private async Task PutSettingsAsync(string token, string country)
    {
        var (status, body) = await SendAsync(HttpMethod.Put, $"{Url}/settings", token, new JsonObject { ["country"] = country });
        Assert.That(status, Is.EqualTo(HttpStatusCode.OK), body?.ToJsonString());
    }
}
