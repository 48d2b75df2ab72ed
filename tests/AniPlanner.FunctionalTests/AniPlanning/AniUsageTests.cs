using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using AniPlanner.Domain.AniPlanning.Dials;
using AniPlanner.FunctionalTests.Infrastructure;
using AniPlanner.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AniPlanner.FunctionalTests.AniPlanning;

/// <summary>
/// <c>GET /ani-planner/anis/usage</c>: per ANI, the range's dials, contacts and busiest days, read
/// from the per-ANI, per-day rollup; inventory numbers without dials too; busiest first; paged;
/// as CSV on request. Every figure is worked out by hand in the comments (calendar in the base class).
/// </summary>
public sealed class AniUsageTests(DatabaseKind kind) : AniPlanningTestBase(kind)
{
    private const string UsageUrl = Url + "/anis/usage";

    private const string CsvHeader =
        "number,country,areaCode,region,state,status,managed,dials,contacts,contactRate,activeDays,dailyDialsAverage,peakDailyDials,daysOverTarget,lastDialed,lastSevenDaysContactRate\r\n";

    private const string LosAngeles = "+12135550100";
    private const string NewYork = "+12125550101";
    private const string LosAngeles310 = "+13105550102";
    private const string Yukon = "+18675550104";
    private const string Brooklyn = "+17185550105";

    /// <summary>A company with the "sales" campaign, ready for dials.</summary>
    private async Task<string> CompanyAsync(string name = "Acme Dialers")
    {
        var token = await NewCompanyAsync(name);
        await PutCampaignAsync(token, "sales");
        return token;
    }

    /// <summary><paramref name="dials"/> dials of <paramref name="ani"/> on <paramref name="day"/> (10:00 at UTC-7, so that day), the first <paramref name="contacts"/> reached.</summary>
    private static IEnumerable<JsonObject> OnDay(string ani, string day, int dials, int contacts = 0) =>
        Dials($"{ani}-{day}", dials, "+12025550199", $"{day}T10:00:00-07:00", contacts, ani);

    private async Task<JsonNode> UsageAsync(string token, string query = "")
    {
        var (status, body) = await SendAsync(HttpMethod.Get, UsageUrl + query, token);
        Assert.That(status, Is.EqualTo(HttpStatusCode.OK), body?.ToJsonString());
        Assert.That(body!["success"]!.GetValue<bool>(), Is.True);
        Assert.That(WireFormat.Keys(body), Is.EqualTo(new[] { "success", "data" }));
        return body["data"]!;
    }

    private async Task<(HttpStatusCode Status, string? ContentType, string Text)> GetWithAcceptAsync(string url, string? token, string accept)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        request.Headers.TryAddWithoutValidation("Accept", accept);
        using var response = await Client.SendAsync(request);
        return (response.StatusCode, response.Content.Headers.ContentType?.ToString(), await response.Content.ReadAsStringAsync());
    }

    private static JsonObject Usage(
        string number, string country, string areaCode, string region, string state, string? status, bool? managed,
        long dials, long contacts, decimal? contactRate, int activeDays, decimal dailyDialsAverage, long peakDailyDials, int daysOverTarget,
        string? lastDialed, decimal? lastSevenDaysContactRate) => new()
        {
            ["number"] = number,
            ["country"] = country,
            ["areaCode"] = areaCode,
            ["region"] = region,
            ["state"] = state,
            ["status"] = status,
            ["managed"] = managed,
            ["dials"] = dials,
            ["contacts"] = contacts,
            ["contactRate"] = contactRate,
            ["activeDays"] = activeDays,
            ["dailyDialsAverage"] = dailyDialsAverage,
            ["peakDailyDials"] = peakDailyDials,
            ["daysOverTarget"] = daysOverTarget,
            ["lastDialed"] = lastDialed,
            ["lastSevenDaysContactRate"] = lastSevenDaysContactRate,
        };

    private static string[] Numbers(JsonNode data) => [.. data["items"]!.AsArray().Select(item => item!["number"]!.GetValue<string>())];

    // ---- the figures ------------------------------------------------------------------------

    [Test]
    public async Task Each_anis_figures_are_summed_over_the_range_and_the_busiest_comes_first()
    {
        var token = await CompanyAsync();
        await PutAnisAsync(token,
            Ani(LosAngeles),
            Ani(LosAngeles310, "inactive", managed: false),
            Ani(Yukon, "removed"));
        await ImportAsync(token, [
            // Los Angeles (inventory): Mon 4: 4 (2 reached), Tue 5: 2, Fri 15: 1 (reached), Sat 16: 3.
            .. OnDay(LosAngeles, "2026-05-04", 4, contacts: 2),
            .. OnDay(LosAngeles, "2026-05-05", 2),
            .. OnDay(LosAngeles, "2026-05-15", 1, contacts: 1),
            .. OnDay(LosAngeles, "2026-05-16", 3),
            // New York (not in the inventory): Sun 3 is before the range and Mon 18 after it.
            .. OnDay(NewYork, "2026-05-03", 7, contacts: 7),
            .. OnDay(NewYork, "2026-05-11", 5, contacts: 5),
            .. OnDay(NewYork, "2026-05-13", 4, contacts: 1),
            .. OnDay(NewYork, "2026-05-18", 9),
            // Yukon (removed) dialed only after the range; Brooklyn (not in the inventory) only before it.
            .. OnDay(Yukon, "2026-05-18", 6),
            .. OnDay(Brooklyn, "2026-05-02", 8),
        ]);

        var data = await UsageAsync(token, "?dateStart=2026-05-04&dateEnd=2026-05-17&dailyDialsTarget=3");

        // Mon 4 .. Sun 17 May: weekdays Mon 4 .. Fri 8 and Mon 11 .. Fri 15 = 10. The last 7 days: Mon 11 .. Sun 17.
        // A day is over the target when its dials exceed 3.
        Assert.That(data.ToJsonString(), Is.EqualTo(new JsonObject
        {
            ["dateStart"] = "2026-05-04",
            ["dateEnd"] = "2026-05-17",
            ["bizDays"] = 10,
            ["dailyDialsTarget"] = 3,
            ["items"] = new JsonArray(
                // New York: 5 + 4 = 9 dials, 5 + 1 = 6 contacts: 66.7 %; 2 days; 9 / 10 = 0.9 a weekday; peak 5;
                // both days over 3; last Wed 13; the last 7 days hold both days: 66.7 again. Not in the inventory: status and managed null.
                Usage(NewYork, "US", "212", "New York", "NY", null, null, 9, 6, 66.7m, 2, 0.9m, 5, 2, "2026-05-13", 66.7m),
                // Los Angeles: 4 + 2 + 1 + 3 = 10 dials (Saturday's 3 count), 2 + 1 = 3 contacts: 30.0 %; 4 days;
                // 10 / 10 weekdays = 1.0; peak 4; over 3 only on Mon 4 (Sat 16's 3 is not over 3); last Sat 16;
                // last 7 days: Fri 15 and Sat 16, 1 contact of 4 dials = 25.0, below the range's 30.0.
                Usage(LosAngeles, "US", "213", "Los Angeles", "CA", "active", true, 10, 3, 30.0m, 4, 1.0m, 4, 1, "2026-05-16", 25.0m),
                // The inventory's numbers without dials in the range, by number: zeros, no rates, never dialed.
                Usage(LosAngeles310, "US", "310", "Los Angeles", "CA", "inactive", false, 0, 0, null, 0, 0.0m, 0, 0, null, null),
                Usage(Yukon, "CA", "867", "Yukon, Northwest Territories & Nunavut", "NT", "removed", true, 0, 0, null, 0, 0.0m, 0, 0, null, null)),
            // Brooklyn dialed only outside the range and is not in the inventory: not listed.
            ["page"] = 1,
            ["pageSize"] = 100,
            ["totalCount"] = 4,
        }.ToJsonString()));
    }

    [Test]
    public async Task Equal_peaks_are_ordered_by_dials_then_by_number()
    {
        var token = await CompanyAsync();
        await PutAnisAsync(token, Ani("+12135550009"), Ani("+12135550008"), Ani("+12135550003"));
        await ImportAsync(token, [
            .. OnDay("+12135550000", "2026-05-04", 2), // peak 2, 6 dials
            .. OnDay("+12135550000", "2026-05-05", 2),
            .. OnDay("+12135550000", "2026-05-06", 2),
            .. OnDay("+12135550003", "2026-05-06", 3), // peak 3, 3 dials (in the inventory)
            .. OnDay("+12135550002", "2026-05-04", 3), // peak 3, 3 dials
            .. OnDay("+12135550001", "2026-05-04", 3), // peak 3, 6 dials
            .. OnDay("+12135550001", "2026-05-05", 3),
        ]);

        var data = await UsageAsync(token, "?dateStart=2026-05-04&dateEnd=2026-05-08");

        // Peak 3: ...0001 (6 dials) first, then ...0002 and ...0003 (3 each) by number; then peak 2 (...0000);
        // then the undialed inventory numbers by number.
        Assert.That(Numbers(data), Is.EqualTo(new[] { "+12135550001", "+12135550002", "+12135550003", "+12135550000", "+12135550008", "+12135550009" }));
        Assert.That(data["items"]!.AsArray().Select(item => item!["peakDailyDials"]!.GetValue<long>()), Is.EqualTo(new long[] { 3, 3, 3, 2, 0, 0 }));
    }

    /// <summary>
    /// The order is read from blocks of 4, 16 and 64 days aligned on the day number, and days at
    /// the range's ends: a block that sticks out of the range must not lend its busiest day.
    /// From 2026-01-10 to 2026-05-20 that is 10..12 January as days, blocks of 4 from 13 and 9, 13,
    /// 17 May, of 16 from 17 January, 7 and 23 April, and of 64 from 2 February (to 6 April).
    /// </summary>
    [TestCase("2026-01-10", "2026-05-20", new[] { LosAngeles310, NewYork, LosAngeles, Brooklyn, Yukon }, new long[] { 6, 6, 5, 4, 2 }, new long[] { 9, 7, 5, 12, 2 })]
    [TestCase("2026-01-10", "2026-05-18", new[] { NewYork, LosAngeles, Brooklyn, LosAngeles310, Yukon }, new long[] { 6, 5, 4, 3, 2 }, new long[] { 7, 5, 12, 3, 2 })]
    [TestCase("2026-01-09", "2026-05-21", new[] { LosAngeles, Yukon, LosAngeles310, NewYork, Brooklyn }, new long[] { 9, 8, 6, 6, 4 }, new long[] { 14, 10, 9, 7, 12 })]
    public async Task The_order_holds_where_the_range_cuts_blocks_of_days(string dateStart, string dateEnd, string[] numbers, long[] peaks, long[] dials)
    {
        var token = await CompanyAsync();
        await ImportAsync(token, [
            // Los Angeles: 9 on Fri 9 January (in the block of 4 from the 9th, which the first range cuts), 5 on 1 March.
            .. OnDay(LosAngeles, "2026-01-09", 9),
            .. OnDay(LosAngeles, "2026-03-01", 5),
            // New York: 6 on 11 January (an end day), 1 on 10 February.
            .. OnDay(NewYork, "2026-01-11", 6),
            .. OnDay(NewYork, "2026-02-10", 1),
            // Los Angeles 310: 6 on 20 May (the last day of a block of 4), 3 on 10 April.
            .. OnDay(LosAngeles310, "2026-05-20", 6),
            .. OnDay(LosAngeles310, "2026-04-10", 3),
            // Yukon: 8 on 21 May (after the first two ranges), 2 on 20 January.
            .. OnDay(Yukon, "2026-05-21", 8),
            .. OnDay(Yukon, "2026-01-20", 2),
            // Brooklyn: 4 a day on 16 January and on either side of the block of 64's end (6 and 7 April).
            .. OnDay(Brooklyn, "2026-01-16", 4),
            .. OnDay(Brooklyn, "2026-04-06", 4),
            .. OnDay(Brooklyn, "2026-04-07", 4),
        ]);

        var data = await UsageAsync(token, $"?dateStart={dateStart}&dateEnd={dateEnd}");

        // Busiest day first, then dials: to 20 May, Los Angeles 310 (6, 9) before New York (6, 7); to 18 May its
        // 6 is outside (3, 3); from 9 January to 21 May, Los Angeles's 9 and Yukon's 8 are in.
        Assert.Multiple(() =>
        {
            Assert.That(Numbers(data), Is.EqualTo(numbers));
            Assert.That(data["items"]!.AsArray().Select(item => item!["peakDailyDials"]!.GetValue<long>()), Is.EqualTo(peaks));
            Assert.That(data["items"]!.AsArray().Select(item => item!["dials"]!.GetValue<long>()), Is.EqualTo(dials));
            Assert.That(data["totalCount"]!.GetValue<int>(), Is.EqualTo(5));
        });
        var secondPage = await UsageAsync(token, $"?dateStart={dateStart}&dateEnd={dateEnd}&page=2&pageSize=2");
        Assert.That(Numbers(secondPage), Is.EqualTo(numbers[2..4]));
    }

    /// <summary>
    /// The blocks against the days they hold, after imports that add to days already counted: a
    /// block's dials are its days' sum and its busiest day their highest, whichever import raised it.
    /// </summary>
    [Test]
    public async Task Each_block_holds_its_days_dials_and_busiest_day_after_every_import()
    {
        var (customerId, token) = await CreateCustomerAsync();
        await PutCampaignAsync(token, "sales");
        // Per (ANI, day): dials sent by the first import, then by the second.
        (string Ani, string Day, int First, int Second)[] days =
        [
            (LosAngeles, "2026-03-30", 5, 0), // 30 March and 2 April share a block of 4 (from 30 March)
            (LosAngeles, "2026-04-02", 2, 4), // raised to 6 by the second import: the block's new busiest day
            (LosAngeles, "2026-04-03", 0, 1), // a day only the second import dials (the next block of 4)
            (NewYork, "2026-03-30", 3, 0),
            (NewYork, "2026-05-20", 1, 1),
        ];
        await ImportAsync(token, [.. days.Where(day => day.First > 0).SelectMany(day => OnDay(day.Ani, day.Day, day.First))]);
        await ImportAsync(token, [.. days.Where(day => day.Second > 0).SelectMany(day => Dials($"{day.Ani}-{day.Day}-again", day.Second, "+12025550199", $"{day.Day}T10:00:00-07:00", 0, day.Ani))]);

        var expected = days
            .SelectMany(day => AniSpanRollup.Spans.Select(span => (Span: span, Start: AniSpanRollup.StartOf(DateOnly.Parse(day.Day, CultureInfo.InvariantCulture), span), day.Ani, Dials: (long)(day.First + day.Second))))
            .GroupBy(cell => (cell.Span, cell.Start, cell.Ani))
            .Select(block => $"{block.Key.Span} {block.Key.Start:yyyy-MM-dd} {block.Key.Ani}: {block.Sum(cell => cell.Dials)} dials, busiest {block.Max(cell => cell.Dials)}")
            .Order(StringComparer.Ordinal);

        using var scope = Factory.Services.CreateScope();
        var context = scope.ServiceProvider.GetRequiredService<AniPlannerDbContext>();
        var stored = await context.AniSpanRollups.Where(block => block.CustomerId == customerId).ToListAsync();
        Assert.That(
            stored.Select(block => $"{block.Span} {block.Start:yyyy-MM-dd} {block.AniNumber}: {block.Dials} dials, busiest {block.PeakDailyDials}").Order(StringComparer.Ordinal),
            Is.EqualTo(expected));
        // The first block of 4 of Los Angeles: 5 + 2 + 4 = 11 dials, busiest 6 (2 April, raised by the second import).
        Assert.That(stored.Single(block => block is { Span: 4, AniNumber: LosAngeles } && block.Start == new DateOnly(2026, 3, 30)).PeakDailyDials, Is.EqualTo(6));
    }

    /// <summary>
    /// PostgreSQL: an import large beside the per-ANI rollup as last analysed (here: never) brings
    /// its statistics up to date at once, so the next usage read is planned on real row counts.
    /// </summary>
    [Test]
    public async Task On_postgresql_a_large_import_refreshes_the_per_ani_statistics()
    {
        if (Kind != DatabaseKind.PostgreSql)
        {
            Assert.Ignore("PostgreSQL's planner statistics only.");
        }

        var token = await CompanyAsync();
        using var scope = Factory.Services.CreateScope();
        var context = scope.ServiceProvider.GetRequiredService<AniPlannerDbContext>();
        await context.Database.ExecuteSqlRawAsync("""UPDATE pg_class SET reltuples = -1 WHERE oid IN ('"AniDayRollups"'::regclass, '"AniSpanRollups"'::regclass)""");

        await ImportAsync(token, OnDay(LosAngeles, "2026-05-04", 3));

        var planned = await context.Database
            .SqlQueryRaw<double>("""SELECT reltuples::float8 AS "Value" FROM pg_class WHERE oid IN ('"AniDayRollups"'::regclass, '"AniSpanRollups"'::regclass)""")
            .ToListAsync();
        Assert.That(planned, Has.Count.EqualTo(2).And.All.GreaterThanOrEqualTo(0), "ANALYZE sets each table's row count");
    }

    [TestCase(1, 2, new[] { "+12135550005", "+12135550004" })]
    [TestCase(2, 2, new[] { "+12135550003", "+12135550002" })]
    [TestCase(3, 2, new[] { "+12135550001" })]
    [TestCase(4, 2, new string[0])]
    [TestCase(1, 1000, new[] { "+12135550005", "+12135550004", "+12135550003", "+12135550002", "+12135550001" })]
    public async Task Pages_follow_the_order_and_count_every_ani(int page, int pageSize, string[] numbers)
    {
        // ...0005 dials 5 on Mon 4, ...0004 dials 4, ... ...0001 (inventory, no dials) never.
        var token = await CompanyAsync();
        await PutAnisAsync(token, Ani("+12135550001"), Ani("+12135550004"));
        await ImportAsync(token, [
            .. OnDay("+12135550002", "2026-05-04", 2),
            .. OnDay("+12135550005", "2026-05-04", 5),
            .. OnDay("+12135550003", "2026-05-04", 3),
            .. OnDay("+12135550004", "2026-05-04", 4),
        ]);

        var data = await UsageAsync(token, $"?dateStart=2026-05-04&dateEnd=2026-05-08&page={page}&pageSize={pageSize}");

        Assert.Multiple(() =>
        {
            Assert.That(Numbers(data), Is.EqualTo(numbers));
            Assert.That(data["page"]!.GetValue<int>(), Is.EqualTo(page));
            Assert.That(data["pageSize"]!.GetValue<int>(), Is.EqualTo(pageSize));
            // Four numbers dialed and ...0001 is in the inventory (...0004 is both): 5, whichever page is read.
            Assert.That(data["totalCount"]!.GetValue<int>(), Is.EqualTo(5));
        });
    }

    [Test]
    public async Task A_page_far_past_the_end_is_empty_and_still_counts()
    {
        var token = await CompanyAsync();
        await PutAnisAsync(token, Ani(LosAngeles));

        // (int.MaxValue - 1) x 1000 numbers to skip: more than an int holds.
        var data = await UsageAsync(token, $"?page={int.MaxValue}&pageSize=1000");

        Assert.Multiple(() =>
        {
            Assert.That(data["items"]!.AsArray(), Is.Empty);
            Assert.That(data["page"]!.GetValue<int>(), Is.EqualTo(int.MaxValue));
            Assert.That(data["totalCount"]!.GetValue<int>(), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task A_company_without_anis_or_dials_has_an_empty_list()
    {
        var token = await CompanyAsync();

        var data = await UsageAsync(token);

        Assert.Multiple(() =>
        {
            Assert.That(data["items"]!.AsArray(), Is.Empty);
            Assert.That(data["totalCount"]!.GetValue<int>(), Is.EqualTo(0));
        });
    }

    // ---- defaults and targets ---------------------------------------------------------------

    [Test]
    public async Task By_default_the_range_is_the_30_days_through_yesterday_and_the_target_better()
    {
        var token = await CompanyAsync();
        await ImportAsync(token, [
            .. OnDay(LosAngeles, "2026-05-15", 1), // Fri 15: before the default range
            .. OnDay(LosAngeles, "2026-05-16", 2), // Sat 16: its first day
            .. OnDay(LosAngeles, "2026-06-08", 76, contacts: 19), // Mon 8 June: 76 > 75, over BETTER's target
            .. OnDay(LosAngeles, "2026-06-14", 2, contacts: 1), // Sun 14 June: yesterday, the last day
            .. Dials("today", 5, "+12025550199", "2026-06-15T01:00:00-07:00", ani: LosAngeles), // Mon 15 June (08:00 UTC): today, after the range
        ]);

        var data = await UsageAsync(token);

        // The clock says Mon 15 June 2026: dateEnd Sun 14 June, dateStart 29 days before it, Sat 16 May.
        // Weekdays: Mon 18 .. Fri 22, Mon 25 .. Fri 29 May, Mon 1 .. Fri 5, Mon 8 .. Fri 12 June = 20.
        // Dials 2 + 76 + 2 = 80, contacts 19 + 1 = 20: 25.0 %; 80 / 20 = 4.0 a weekday; peak 76, over 75 once;
        // the last 7 days (Mon 8 .. Sun 14 June) hold 78 dials, 20 contacts: 25.6 %.
        Assert.Multiple(() =>
        {
            Assert.That(data["dateStart"]!.GetValue<string>(), Is.EqualTo("2026-05-16"));
            Assert.That(data["dateEnd"]!.GetValue<string>(), Is.EqualTo("2026-06-14"));
            Assert.That(data["bizDays"]!.GetValue<int>(), Is.EqualTo(20));
            Assert.That(data["dailyDialsTarget"]!.GetValue<int>(), Is.EqualTo(75));
            Assert.That(data["page"]!.GetValue<int>(), Is.EqualTo(1));
            Assert.That(data["pageSize"]!.GetValue<int>(), Is.EqualTo(100));
            Assert.That(data["items"]!.ToJsonString(), Is.EqualTo(new JsonArray(
                Usage(LosAngeles, "US", "213", "Los Angeles", "CA", null, null, 80, 20, 25.0m, 3, 4.0m, 76, 1, "2026-06-14", 25.6m)).ToJsonString()));
        });
    }

    [Test]
    public async Task A_given_dateEnd_moves_the_default_dateStart_with_it()
    {
        var token = await CompanyAsync();

        var data = await UsageAsync(token, "?dateEnd=2026-05-31");

        // 29 days before Sun 31 May: Sat 2 May. Weekdays Mon 4 .. Fri 29 May = 20.
        Assert.Multiple(() =>
        {
            Assert.That(data["dateStart"]!.GetValue<string>(), Is.EqualTo("2026-05-02"));
            Assert.That(data["dateEnd"]!.GetValue<string>(), Is.EqualTo("2026-05-31"));
            Assert.That(data["bizDays"]!.GetValue<int>(), Is.EqualTo(20));
        });
    }

    [TestCase("BEST", 50, 2)]
    [TestCase("BETTER", 75, 1)]
    [TestCase("GOOD", 100, 0)]
    [TestCase("60", 60, 1)]
    [TestCase("1", 1, 2)]
    [TestCase("10000", 10000, 0)]
    public async Task The_target_is_named_or_a_whole_number_of_dials(string target, int dailyDialsTarget, int daysOverTarget)
    {
        // Three days of 55, 76 and 1 dials: over 50 twice, over 75 and 60 once, over 1 twice (1 is not over 1), over 100 never.
        var token = await CompanyAsync();
        await ImportAsync(token, [
            .. OnDay(LosAngeles, "2026-05-04", 55),
            .. OnDay(LosAngeles, "2026-05-05", 76),
            .. OnDay(LosAngeles, "2026-05-06", 1),
        ]);

        var data = await UsageAsync(token, $"?dateStart=2026-05-04&dateEnd=2026-05-08&dailyDialsTarget={target}");

        Assert.Multiple(() =>
        {
            Assert.That(data["dailyDialsTarget"]!.GetValue<int>(), Is.EqualTo(dailyDialsTarget));
            Assert.That(data["items"]![0]!["daysOverTarget"]!.GetValue<int>(), Is.EqualTo(daysOverTarget));
        });
    }

    // ---- validation -------------------------------------------------------------------------

    [TestCase("?dateStart=2026/05/04", "dateStart '2026/05/04' is not a date: use YYYY-MM-DD.")]
    [TestCase("?dateStart=2026-02-30", "dateStart '2026-02-30' is not a date: use YYYY-MM-DD.")]
    [TestCase("?dateEnd=yesterday", "dateEnd 'yesterday' is not a date: use YYYY-MM-DD.")]
    [TestCase("?dateStart=2026-05-10&dateEnd=2026-05-01", "dateStart 2026-05-10 is after dateEnd 2026-05-01: give a dateStart on or before dateEnd.")]
    [TestCase("?dateStart=2026-06-20", "dateStart 2026-06-20 is after dateEnd 2026-06-14")] // the default dateEnd: yesterday
    [TestCase("?dateStart=2025-01-01&dateEnd=2026-05-01", "The range 2025-01-01 to 2026-05-01 spans 486 days; at most 366: move dateStart or dateEnd closer.")]
    [TestCase("?dateStart=2026-05-16&dateEnd=2026-05-17", "The range 2026-05-16 to 2026-05-17 has no weekday (Mon-Fri), so daily averages cannot be computed: widen dateStart..dateEnd to a weekday.")]
    [TestCase("?dailyDialsTarget=better", "dailyDialsTarget must be one of \"BEST\", \"BETTER\", \"GOOD\" or a whole number of dials from 1 to 10000; got 'better'.")]
    [TestCase("?dailyDialsTarget=0", "dailyDialsTarget must be one of")]
    [TestCase("?dailyDialsTarget=10001", "got '10001'")]
    [TestCase("?dailyDialsTarget=-5", "got '-5'")]
    [TestCase("?dailyDialsTarget=7.5", "got '7.5'")]
    [TestCase("?dailyDialsTarget=%2B75", "got '+75'")]
    [TestCase("?page=0", "page starts at 1.")]
    [TestCase("?page=first", "page")]
    [TestCase("?pageSize=0", "pageSize must be between 1 and 1000.")]
    [TestCase("?pageSize=1001", "pageSize must be between 1 and 1000.")]
    public async Task A_bad_option_is_refused_naming_the_field(string query, string message)
    {
        var token = await CompanyAsync();

        AssertFailure(await SendAsync(HttpMethod.Get, UsageUrl + query, token), HttpStatusCode.BadRequest, message);
    }

    [Test]
    public async Task A_range_spans_at_most_366_days()
    {
        var token = await CompanyAsync();

        // 2025-04-30 .. 2026-04-30: 365 days apart (2025 is no leap year), 366 days counting both ends.
        var longest = await UsageAsync(token, "?dateStart=2025-04-30&dateEnd=2026-04-30");
        Assert.That(longest["dateStart"]!.GetValue<string>(), Is.EqualTo("2025-04-30"));

        // One day earlier: 367.
        AssertFailure(await SendAsync(HttpMethod.Get, $"{UsageUrl}?dateStart=2025-04-29&dateEnd=2026-04-30", token), HttpStatusCode.BadRequest,
            "The range 2025-04-29 to 2026-04-30 spans 367 days; at most 366");
    }

    [Test]
    public async Task Every_problem_is_told_at_once()
    {
        var token = await CompanyAsync();

        AssertFailure(await SendAsync(HttpMethod.Get, $"{UsageUrl}?dateEnd=x&dailyDialsTarget=NONE&page=0&pageSize=5000", token), HttpStatusCode.BadRequest,
            "dateEnd 'x' is not a date", "dailyDialsTarget must be", "page starts at 1.", "pageSize must be between 1 and 1000.");
    }

    // ---- CSV --------------------------------------------------------------------------------

    /// <summary>Los Angeles (inventory) 4 dials on Mon 4, New York (not in it) 1 on Tue 5, Yukon (inventory, inactive) none.</summary>
    /// <summary>
    /// Answers are kept until the company's data changes: each change that reaches the figures (an
    /// import, the inventory, a disposition's re-count) is seen by the very next read, page after page.
    /// </summary>
    [Test]
    public async Task An_answer_is_never_served_after_a_change_to_its_data()
    {
        var token = await CompanyAsync();
        await PutAnisAsync(token, Ani(LosAngeles));
        await ImportAsync(token, OnDay(LosAngeles, "2026-05-04", 2));
        const string Week = "?dateStart=2026-05-04&dateEnd=2026-05-08&pageSize=1";
        (long Dials, long Contacts, string? Status) Figures(JsonNode data) =>
            (data["items"]![0]!["dials"]!.GetValue<long>(), data["items"]![0]!["contacts"]!.GetValue<long>(), data["items"]![0]!["status"]?.GetValue<string>());

        var first = Figures(await UsageAsync(token, Week));
        var again = Figures(await UsageAsync(token, Week));
        await ImportAsync(token, OnDay(LosAngeles, "2026-05-05", 1));
        var imported = Figures(await UsageAsync(token, Week));
        await PutAnisAsync(token, Ani(LosAngeles, "inactive"));
        var inventory = Figures(await UsageAsync(token, Week));
        await SendAsync(HttpMethod.Put, $"{Url}/dispositions/1", token, new JsonObject { ["name"] = "Sale", ["type"] = "Agent", ["contact"] = false, ["success"] = false });
        var (status, _) = await SendAsync(HttpMethod.Post, "/dials", token, new JsonObject
        {
            ["dial_id"] = "r-1", ["campaign_id"] = "sales", ["ani"] = LosAngeles, ["prospect_phone"] = "2025550199", ["datetime"] = "2026-05-06 17:00:00", ["disposition_name"] = "Sale",
        });
        var dialed = Figures(await UsageAsync(token, Week));
        await SendAsync(HttpMethod.Put, $"{Url}/dispositions/1", token, new JsonObject { ["name"] = "Sale", ["type"] = "Agent", ["contact"] = true, ["success"] = true });
        var recounted = Figures(await UsageAsync(token, Week));

        Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
        Assert.Multiple(() =>
        {
            Assert.That(first, Is.EqualTo((2L, 0L, "active")));
            Assert.That(again, Is.EqualTo(first));
            Assert.That(imported, Is.EqualTo((3L, 0L, "active")));
            Assert.That(inventory, Is.EqualTo((3L, 0L, "inactive")));
            Assert.That(dialed, Is.EqualTo((4L, 0L, "inactive")));
            Assert.That(recounted, Is.EqualTo((4L, 1L, "inactive")));
        });
    }

    private async Task<string> CsvCompanyAsync()
    {
        var token = await CompanyAsync();
        await PutAnisAsync(token, Ani(LosAngeles), Ani(Yukon, "inactive", managed: false));
        await ImportAsync(token, [.. OnDay(LosAngeles, "2026-05-04", 4, contacts: 1), .. OnDay(NewYork, "2026-05-05", 1)]);
        return token;
    }

    [Test]
    public async Task With_accept_text_csv_the_rows_are_csv()
    {
        var token = await CsvCompanyAsync();

        var (status, contentType, text) = await GetWithAcceptAsync($"{UsageUrl}?dateStart=2026-05-04&dateEnd=2026-05-08&dailyDialsTarget=3", token, "text/csv");

        // Mon 4 .. Fri 8: 5 weekdays; the last 7 days cover the whole range.
        // Los Angeles: 4 dials, 1 contact = 25.0 %; 4 / 5 = 0.8 a weekday; 4 > 3 once.
        // New York: 1 dial, no contact = 0.0 %; 1 / 5 = 0.2. Yukon: nothing, its region quoted for its comma.
        // The numbers start with "+", which a spreadsheet would read as a formula: an apostrophe first.
        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.OK), text);
            Assert.That(contentType, Is.EqualTo("text/csv; charset=utf-8"));
            Assert.That(text, Is.EqualTo(CsvHeader
                + "'+12135550100,US,213,Los Angeles,CA,active,true,4,1,25.0,1,0.8,4,1,2026-05-04,25.0\r\n"
                + "'+12125550101,US,212,New York,NY,,,1,0,0.0,1,0.2,1,0,2026-05-05,0.0\r\n"
                + "'+18675550104,CA,867,\"Yukon, Northwest Territories & Nunavut\",NT,inactive,false,0,0,,0,0.0,0,0,,\r\n"));
        });
    }

    [Test]
    public async Task Csv_with_a_page_is_that_page_only()
    {
        var token = await CsvCompanyAsync();

        var (status, _, text) = await GetWithAcceptAsync($"{UsageUrl}?dateStart=2026-05-04&dateEnd=2026-05-08&page=2&pageSize=1", token, "text/csv");

        Assert.That(status, Is.EqualTo(HttpStatusCode.OK), text);
        Assert.That(text, Is.EqualTo(CsvHeader + "'+12125550101,US,212,New York,NY,,,1,0,0.0,1,0.2,1,0,2026-05-05,0.0\r\n"));
    }

    [Test]
    public async Task Csv_without_paging_holds_every_row_where_json_pages()
    {
        // 101 inventory numbers, one more than a default page.
        var token = await CompanyAsync();
        await PutAnisAsync(token, [.. Enumerable.Range(0, 101).Select(index => Ani($"+1213555{index:D4}"))]);

        var (status, _, text) = await GetWithAcceptAsync(UsageUrl, token, "text/csv");
        var json = await UsageAsync(token);

        var lines = text.Split("\r\n");
        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.OK), text);
            // The header, 101 rows, and the empty text after the last CRLF.
            Assert.That(lines, Has.Length.EqualTo(103));
            Assert.That(lines[1], Does.StartWith("'+12135550000,"));
            Assert.That(lines[101], Does.StartWith("'+12135550100,"));
            Assert.That(json["items"]!.AsArray(), Has.Count.EqualTo(100));
            Assert.That(json["totalCount"]!.GetValue<int>(), Is.EqualTo(101));
        });
    }

    [TestCase("application/json")]
    [TestCase("*/*")]
    [TestCase("application/json, text/csv;q=0.5")]
    [TestCase("text/csv;q=0")]
    public async Task Without_text_csv_ranked_first_the_answer_is_json(string accept)
    {
        var token = await CsvCompanyAsync();

        var (status, contentType, text) = await GetWithAcceptAsync(UsageUrl, token, accept);

        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.OK), text);
            Assert.That(contentType, Does.StartWith("application/json"));
            Assert.That(JsonNode.Parse(text)!["success"]!.GetValue<bool>(), Is.True);
        });
    }

    [Test]
    public async Task A_csv_request_with_a_bad_option_is_answered_in_the_json_envelope()
    {
        var token = await CsvCompanyAsync();

        var (status, contentType, text) = await GetWithAcceptAsync($"{UsageUrl}?dateStart=soon", token, "text/csv");

        Assert.That(contentType, Does.StartWith("application/json"));
        AssertFailure((status, JsonNode.Parse(text)), HttpStatusCode.BadRequest, "dateStart 'soon' is not a date: use YYYY-MM-DD.");
    }

    // ---- who may read it --------------------------------------------------------------------

    [Test]
    public async Task A_planner_key_reads_it()
    {
        var admin = await CsvCompanyAsync();
        var (keyStatus, key) = await SendAsync(HttpMethod.Post, "/v1.0/accesskeys", admin, new JsonObject { ["name"] = "planner", ["permission"] = "planner" });
        Assert.That(keyStatus, Is.EqualTo(HttpStatusCode.OK), key?.ToJsonString());

        var data = await UsageAsync(key!["token"]!.GetValue<string>(), "?dateStart=2026-05-04&dateEnd=2026-05-08");

        Assert.That(Numbers(data), Is.EqualTo(new[] { LosAngeles, NewYork, Yukon }));
    }

    [Test]
    public async Task Without_a_credential_it_answers_401_in_the_envelope()
    {
        AssertFailure(await SendAsync(HttpMethod.Get, UsageUrl, token: null), HttpStatusCode.Unauthorized);
        var (status, _, _) = await GetWithAcceptAsync(UsageUrl, null, "text/csv");
        Assert.That(status, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task Another_companys_anis_and_dials_are_never_shown()
    {
        var companyA = await CompanyAsync("Company A");
        await PutAnisAsync(companyA, Ani(LosAngeles), Ani(LosAngeles310));
        await ImportAsync(companyA, [.. OnDay(LosAngeles, "2026-05-04", 3, contacts: 3), .. OnDay(NewYork, "2026-05-05", 2)]);
        var companyB = await CompanyAsync("Company B");

        var empty = await UsageAsync(companyB, "?dateStart=2026-05-04&dateEnd=2026-05-08");
        Assert.Multiple(() =>
        {
            Assert.That(empty["items"]!.AsArray(), Is.Empty);
            Assert.That(empty["totalCount"]!.GetValue<int>(), Is.EqualTo(0));
        });

        // B dials from A's inventory number (call ids A used too): B's own dial, and no inventory status.
        await ImportAsync(companyB, OnDay(LosAngeles, "2026-05-04", 1));
        var dataB = await UsageAsync(companyB, "?dateStart=2026-05-04&dateEnd=2026-05-08");
        var dataA = await UsageAsync(companyA, "?dateStart=2026-05-04&dateEnd=2026-05-08");

        Assert.Multiple(() =>
        {
            // B: 1 dial, no contact, over 5 weekdays 0.2.
            Assert.That(dataB["items"]!.ToJsonString(), Is.EqualTo(new JsonArray(
                Usage(LosAngeles, "US", "213", "Los Angeles", "CA", null, null, 1, 0, 0.0m, 1, 0.2m, 1, 0, "2026-05-04", 0.0m)).ToJsonString()));
            Assert.That(dataB["totalCount"]!.GetValue<int>(), Is.EqualTo(1));
            // A: untouched, 3 dials all reached.
            Assert.That(Numbers(dataA), Is.EqualTo(new[] { LosAngeles, NewYork, LosAngeles310 }));
            Assert.That(dataA["items"]![0]!["dials"]!.GetValue<long>(), Is.EqualTo(3));
            Assert.That(dataA["items"]![0]!["contactRate"]!.GetValue<decimal>(), Is.EqualTo(100.0m));
        });
    }
}
