using AniPlanner.FunctionalTests.Infrastructure;

namespace AniPlanner.FunctionalTests.AniPlanning;

/// <summary>
/// The default range: the 1st of the current month through yesterday; on the 1st, the whole
/// previous month. Checked with the service's clock pinned.
/// </summary>
public sealed class GeneratePlanDefaultsTests(DatabaseKind kind) : AniPlanningTestBase(kind)
{
    [Test]
    public async Task Mid_month_the_default_range_is_the_first_through_yesterday()
    {
        var token = await NewCompanyAsync();
        await PutCampaignAsync(token, "sales");
        await ImportAsync(token,
            Dial("apr-30", "+12135550001", "2026-04-30T10:00:00-07:00"), // before the range
            Dial("may-1", "+12135550002", "2026-05-01T10:00:00-07:00"),
            Dial("may-9", "+12135550003", "2026-05-09T10:00:00-07:00"), // a Saturday
            Dial("may-14", "+12135550004", "2026-05-14T10:00:00-07:00"),
            Dial("may-15", "+12135550005", "2026-05-15T01:00:00-07:00")); // today: after the range
        Factory.Clock.Pin(new DateTimeOffset(2026, 5, 15, 12, 0, 0, TimeSpan.Zero)); // Friday 15 May

        var plan = await GenerateAsync(token);

        Assert.Multiple(() =>
        {
            Assert.That(plan["dateStart"]!.GetValue<string>(), Is.EqualTo("2026-05-01"));
            Assert.That(plan["dateEnd"]!.GetValue<string>(), Is.EqualTo("2026-05-14"));
            // Fri 1; Mon 4 .. Fri 8; Mon 11 .. Thu 14: 1 + 5 + 4 = 10.
            Assert.That(plan["bizDays"]!.GetValue<int>(), Is.EqualTo(10));
            Assert.That(plan["dailyDialsTarget"]!.GetValue<int>(), Is.EqualTo(75));
            Assert.That(plan["groupBy"]!.GetValue<string>(), Is.EqualTo("area_code"));
            Assert.That(plan["inventoryMode"]!.GetValue<string>(), Is.EqualTo("managed"));
        });
        // May 1, 9 and 14: 3 dials; ceil(3 / 10) = 1.
        AssertRows(plan, Row("Los Angeles", "CA", ["213"], 1, 0, 3, 3));
        Assert.That(plan["totalDials"]!.GetValue<long>(), Is.EqualTo(3));
    }

    [Test]
    public async Task On_the_first_of_a_month_the_default_range_is_the_whole_previous_month()
    {
        var token = await NewCompanyAsync();
        await PutCampaignAsync(token, "sales");
        await ImportAsync(token,
            Dial("apr-30", "+12125550001", "2026-04-30T10:00:00-04:00"), // before the range
            Dial("may-1", "+12125550002", "2026-05-01T00:00:00-04:00"),
            Dial("may-31", "+12125550003", "2026-05-31T23:59:59-04:00"), // a Sunday
            Dial("jun-1", "+12125550004", "2026-06-01T00:00:00-04:00")); // after the range
        Factory.Clock.Pin(new DateTimeOffset(2026, 6, 1, 9, 0, 0, TimeSpan.Zero)); // Monday 1 June

        var plan = await GenerateAsync(token);

        Assert.Multiple(() =>
        {
            Assert.That(plan["dateStart"]!.GetValue<string>(), Is.EqualTo("2026-05-01"));
            Assert.That(plan["dateEnd"]!.GetValue<string>(), Is.EqualTo("2026-05-31"));
            // Fri 1, then four full weeks (4-8, 11-15, 18-22, 25-29): 1 + 20 = 21.
            Assert.That(plan["bizDays"]!.GetValue<int>(), Is.EqualTo(21));
        });
        // May 1 and May 31: 2 dials; ceil(2 / 21) = 1.
        AssertRows(plan, Row("New York", "NY", ["212"], 1, 0, 3, 3));
        Assert.That(plan["totalDials"]!.GetValue<long>(), Is.EqualTo(2));
    }

    [Test]
    public async Task On_new_years_day_the_default_range_is_the_previous_december()
    {
        var token = await NewCompanyAsync();
        Factory.Clock.Pin(new DateTimeOffset(2026, 1, 1, 9, 0, 0, TimeSpan.Zero)); // Thursday 1 January 2026

        var plan = await GenerateAsync(token);

        Assert.Multiple(() =>
        {
            Assert.That(plan["dateStart"]!.GetValue<string>(), Is.EqualTo("2025-12-01"));
            Assert.That(plan["dateEnd"]!.GetValue<string>(), Is.EqualTo("2025-12-31"));
            // Mon 1 Dec: four full weeks (1-5, 8-12, 15-19, 22-26) and Mon 29 .. Wed 31: 20 + 3 = 23.
            Assert.That(plan["bizDays"]!.GetValue<int>(), Is.EqualTo(23));
        });
    }

    [Test]
    public async Task On_the_first_of_may_the_default_range_is_april()
    {
        var token = await NewCompanyAsync();
        Factory.Clock.Pin(new DateTimeOffset(2026, 5, 1, 0, 0, 1, TimeSpan.Zero)); // Friday 1 May, just after midnight UTC

        var plan = await GenerateAsync(token);

        Assert.Multiple(() =>
        {
            Assert.That(plan["dateStart"]!.GetValue<string>(), Is.EqualTo("2026-04-01"));
            Assert.That(plan["dateEnd"]!.GetValue<string>(), Is.EqualTo("2026-04-30"));
            // Wed 1 April: Apr 1-3 (3), 6-10 (5), 13-17 (5), 20-24 (5), Mon 27 .. Thu 30 (4) = 22.
            Assert.That(plan["bizDays"]!.GetValue<int>(), Is.EqualTo(22));
        });
    }

    [Test]
    public async Task On_the_second_the_default_range_is_just_the_first()
    {
        var token = await NewCompanyAsync();
        Factory.Clock.Pin(new DateTimeOffset(2026, 5, 2, 12, 0, 0, TimeSpan.Zero)); // Saturday 2 May

        var plan = await GenerateAsync(token);

        Assert.Multiple(() =>
        {
            Assert.That(plan["dateStart"]!.GetValue<string>(), Is.EqualTo("2026-05-01"));
            Assert.That(plan["dateEnd"]!.GetValue<string>(), Is.EqualTo("2026-05-01"));
            Assert.That(plan["bizDays"]!.GetValue<int>(), Is.EqualTo(1), "Friday 1 May");
        });
    }

    [Test]
    public async Task A_given_start_with_the_default_end_runs_through_yesterday()
    {
        var token = await NewCompanyAsync();
        Factory.Clock.Pin(new DateTimeOffset(2026, 5, 15, 12, 0, 0, TimeSpan.Zero)); // Friday 15 May

        var plan = await GenerateAsync(token, new() { ["dateStart"] = "2026-05-04" });

        Assert.Multiple(() =>
        {
            Assert.That(plan["dateStart"]!.GetValue<string>(), Is.EqualTo("2026-05-04"));
            Assert.That(plan["dateEnd"]!.GetValue<string>(), Is.EqualTo("2026-05-14"));
            Assert.That(plan["bizDays"]!.GetValue<int>(), Is.EqualTo(9), "Mon 4 .. Fri 8 and Mon 11 .. Thu 14: 5 + 4");
        });
    }

    [Test]
    public async Task A_given_end_with_the_default_start_runs_from_the_first()
    {
        var token = await NewCompanyAsync();
        Factory.Clock.Pin(new DateTimeOffset(2026, 5, 15, 12, 0, 0, TimeSpan.Zero)); // Friday 15 May

        var plan = await GenerateAsync(token, new() { ["dateEnd"] = "2026-05-08" });

        Assert.Multiple(() =>
        {
            Assert.That(plan["dateStart"]!.GetValue<string>(), Is.EqualTo("2026-05-01"));
            Assert.That(plan["dateEnd"]!.GetValue<string>(), Is.EqualTo("2026-05-08"));
            Assert.That(plan["bizDays"]!.GetValue<int>(), Is.EqualTo(6), "Fri 1 and Mon 4 .. Fri 8: 1 + 5");
        });
    }

    [TestCase("")]
    [TestCase(null)]
    public async Task An_empty_or_missing_request_body_is_allowed(string? rawBody)
    {
        var token = await NewCompanyAsync();
        Factory.Clock.Pin(new DateTimeOffset(2026, 5, 15, 12, 0, 0, TimeSpan.Zero));

        var (status, body) = await SendRawAsync(HttpMethod.Post, $"{Url}/generate", token, rawBody);

        Assert.That(status, Is.EqualTo(System.Net.HttpStatusCode.OK), body?.ToJsonString());
        Assert.Multiple(() =>
        {
            Assert.That(body!["success"]!.GetValue<bool>(), Is.True);
            Assert.That(body["data"]!["dateStart"]!.GetValue<string>(), Is.EqualTo("2026-05-01"));
            Assert.That(body["data"]!["dateEnd"]!.GetValue<string>(), Is.EqualTo("2026-05-14"));
            Assert.That(body["data"]!["dailyDialsTarget"]!.GetValue<int>(), Is.EqualTo(75));
        });
    }
}
