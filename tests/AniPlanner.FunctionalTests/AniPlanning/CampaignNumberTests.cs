using System.Net;
using System.Text.Json.Nodes;
using AniPlanner.FunctionalTests.Infrastructure;

namespace AniPlanner.FunctionalTests.AniPlanning;

/// <summary>
/// A campaign's numeric id counts its own company's campaigns from 1, so it tells a company
/// nothing about how many campaigns the others have.
/// </summary>
public sealed class CampaignNumberTests(DatabaseKind kind) : AniPlanningTestBase(kind)
{
    [Test]
    public async Task Each_company_numbers_its_own_campaigns_from_1_everywhere_an_id_is_shown()
    {
        var first = await NewCompanyAsync("First");
        var second = await NewCompanyAsync("Second");

        // Created alternately: one sequence for everyone would give First 1, 3, 5 and Second 2, 4.
        var firstCallbacks = await CampaignIdAsync(first, "callbacks", "inbound");
        var secondSales = await CampaignIdAsync(second, "sales", "outbound");
        var firstSales = await CampaignIdAsync(first, "sales", "outbound", "Sales", "callbacks");
        var secondRenewals = await CampaignIdAsync(second, "renewals", "autodial");
        var firstRenewals = await CampaignIdAsync(first, "renewals", "autodial");

        Assert.That(new[] { firstCallbacks, firstSales, firstRenewals }, Is.EqualTo(new long[] { 1, 2, 3 }));
        Assert.That(new[] { secondSales, secondRenewals }, Is.EqualTo(new long[] { 1, 2 }));
        var firstList = (await SendAsync(HttpMethod.Get, $"{Url}/campaigns", first)).Body!["data"]!.AsArray();
        Assert.That(firstList.Select(campaign => campaign!["id"]!.GetValue<long>()), Is.EqualTo(new long[] { 1, 2, 3 }));
        Assert.That(Longs(firstList[1]!["inboundCampaignIds"]), Is.EqualTo(new long[] { 1 }), "the mapped inbound campaign by its number too");

        var plan = await GenerateAsync(first, Range("2026-05-04", "2026-05-08"));
        Assert.That(Longs(plan["selectedCampaigns"]), Is.EqualTo(new long[] { 2, 3 }));
        Assert.That(plan["campaigns"]!.AsArray().Select(campaign => campaign!["id"]!.GetValue<long>()), Is.EqualTo(new long[] { 2, 3 }));
        Assert.That(Longs((await GenerateAsync(second, Range("2026-05-04", "2026-05-08")))["selectedCampaigns"]), Is.EqualTo(new long[] { 1, 2 }));
    }

    [Test]
    public async Task Campaigns_created_at_the_same_time_take_distinct_numbers_and_one_identifier_is_one_campaign()
    {
        var token = await NewCompanyAsync();
        var distinct = Enumerable.Range(1, 12).Select(index => (HttpMethod.Put, $"{Url}/campaigns/c-{index}", token, (JsonNode?)CampaignBody($"C {index}", "outbound")));
        var same = Enumerable.Range(1, 4).Select(_ => (HttpMethod.Put, $"{Url}/campaigns/shared", token, (JsonNode?)CampaignBody("Shared", "outbound")));

        var answers = await SendAtOnceAsync([.. distinct, .. same]);

        Assert.That(answers.Select(answer => answer.Status), Is.All.EqualTo(HttpStatusCode.OK),
            string.Join(Environment.NewLine, answers.Select(answer => answer.Body?.ToJsonString())));
        var ids = answers.Select(answer => answer.Body!["data"]!["id"]!.GetValue<long>()).ToList();
        Assert.That(ids[12..].Distinct().Count(), Is.EqualTo(1), "every PUT of 'shared' answered the one campaign");
        Assert.That(ids.Distinct().Order(), Is.EqualTo(Enumerable.Range(1, 13).Select(number => (long)number)), "13 campaigns numbered 1 to 13, none twice");
        var list = (await SendAsync(HttpMethod.Get, $"{Url}/campaigns", token)).Body!["data"]!.AsArray();
        Assert.That(list.Select(campaign => campaign!["id"]!.GetValue<long>()), Is.EqualTo(Enumerable.Range(1, 13).Select(number => (long)number)));
    }
}
