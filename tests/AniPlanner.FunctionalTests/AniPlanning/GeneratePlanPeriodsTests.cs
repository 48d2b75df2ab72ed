using System.Text.Json.Nodes;
using AniPlanner.FunctionalTests.Infrastructure;

namespace AniPlanner.FunctionalTests.AniPlanning;

/// <summary>
/// A plan of every campaign reads whole weeks as weekly totals and the days around them one by
/// one; a plan of some campaigns reads day by day and campaign by campaign. Both count exactly
/// the dials in the range, whatever weekday it starts and ends on.
/// </summary>
public sealed class GeneratePlanPeriodsTests(DatabaseKind kind) : AniPlanningTestBase(kind)
{
    /// <summary>Day d of May has d dials, the first d % 3 of them contacted; odd days dial for "sales", even days for "renewals".</summary>
    private async Task<string> ArrangeEveryDayOfMayAsync()
    {
        var token = await NewCompanyAsync();
        await PutCampaignAsync(token, "sales");
        await PutCampaignAsync(token, "renewals", "autodial");
        await PutCampaignAsync(token, "dormant");
        await ImportAsync(token, Enumerable.Range(1, 31).SelectMany(day => Dials(
            $"may{day}", day, "+12135550001", $"2026-05-{day:D2}T12:00:00Z", contacted: day % 3, campaign: day % 2 == 1 ? "sales" : "renewals")));
        return token;
    }

    private static (long Dials, long Contacts) Expected(int from, int to) =>
        (Enumerable.Range(from, to - from + 1).Sum(), Enumerable.Range(from, to - from + 1).Sum(day => day % 3));

    private static (long Dials, long Contacts) Totals(JsonNode plan) =>
        (plan["totalDials"]!.GetValue<long>(), plan["totalContacts"]!.GetValue<long>());

    [Test]
    public async Task Every_range_counts_its_own_days_whether_read_by_week_or_by_day()
    {
        var token = await ArrangeEveryDayOfMayAsync();

        // Whole month; one whole week; seven days without one; days either side of a week; one day; Friday to Sunday.
        foreach (var (from, to) in new[] { (1, 31), (4, 10), (5, 11), (6, 19), (5, 5), (3, 30), (8, 10) })
        {
            var range = Range($"2026-05-{from:D2}", $"2026-05-{to:D2}");
            var everyCampaign = await GenerateAsync(token, range);
            var filtered = range.DeepClone().AsObject();
            filtered["campaignsExclude"] = new JsonArray("dormant");
            var byCampaign = await GenerateAsync(token, filtered);

            Assert.Multiple(() =>
            {
                Assert.That(Totals(everyCampaign), Is.EqualTo(Expected(from, to)), $"every campaign, May {from}..{to}");
                Assert.That(byCampaign["selectedCampaigns"]!.AsArray(), Has.Count.EqualTo(2), "dormant is left out");
                Assert.That(Totals(byCampaign), Is.EqualTo(Expected(from, to)), $"by campaign, May {from}..{to}");
            });
        }
    }

    [Test]
    public async Task A_plan_of_one_campaign_counts_only_its_dials()
    {
        var token = await ArrangeEveryDayOfMayAsync();
        var body = Range("2026-05-01", "2026-05-31");
        body["campaigns"] = new JsonArray("sales");

        var plan = await GenerateAsync(token, body);

        var oddDays = Enumerable.Range(1, 31).Where(day => day % 2 == 1).ToList();
        Assert.That(Totals(plan), Is.EqualTo(((long)oddDays.Sum(), (long)oddDays.Sum(day => day % 3))));
    }

    [Test]
    public async Task Every_grouping_reads_the_same_dials_by_the_week()
    {
        var token = await ArrangeEveryDayOfMayAsync();

        foreach (var grouping in new[] { "area_code", "ani" })
        {
            var body = Range("2026-05-04", "2026-05-24");
            body["groupBy"] = grouping;
            Assert.That(Totals(await GenerateAsync(token, body)), Is.EqualTo(Expected(4, 24)), grouping);
        }
    }

    [Test]
    public async Task A_plan_of_every_campaign_reads_the_totals_and_a_filtered_plan_the_rollup_by_campaign()
    {
        // The two agree in every test above; here they are made to disagree, to show which one
        // each kind of plan reads: 1,000 dials are added to the weekly totals only.
        var token = await ArrangeEveryDayOfMayAsync();
        var database = Factory.Database;
        await using (var connection = await database.OpenAsync())
        await using (var command = connection.CreateCommand())
        {
            command.CommandText =
                $"UPDATE {database.Quote("DialTotals")} SET {database.Quote("Dials")} = {database.Quote("Dials")} + 1000 WHERE {database.Quote("Period")} = 1";
            Assert.That(await command.ExecuteNonQueryAsync(), Is.GreaterThan(0));
        }

        var week = Range("2026-05-04", "2026-05-10");
        var filtered = week.DeepClone().AsObject();
        filtered["campaignsExclude"] = new JsonArray("dormant");

        Assert.Multiple(async () =>
        {
            Assert.That(Totals(await GenerateAsync(token, week)).Dials, Is.EqualTo(Expected(4, 10).Dials + 1000), "every campaign: the weekly totals");
            Assert.That(Totals(await GenerateAsync(token, filtered)).Dials, Is.EqualTo(Expected(4, 10).Dials), "some campaigns: the rollup by campaign");
        });
    }
}
