using System.Text.Json.Nodes;
using AniPlanner.FunctionalTests.Infrastructure;

namespace AniPlanner.FunctionalTests.AniPlanning;

/// <summary>Plans for a US company: rows, rounding, floors, inventory modes and groupings.</summary>
public sealed class GeneratePlanUsTests(DatabaseKind kind) : AniPlanningTestBase(kind)
{
    /// <summary>Mon 2026-05-04 through Sun 2026-05-10: 7 days, 5 of them weekdays.</summary>
    private static JsonObject FirstFullWeek() => Range("2026-05-04", "2026-05-10");

    /// <summary>
    /// The inventory: two active managed Los Angeles numbers, one inactive and one unmanaged
    /// Los Angeles number, a removed New York number, a toll-free and a Chicago number.
    /// </summary>
    private async Task ArrangeInventoryAsync(string token) =>
        await PutAnisAsync(token,
            Ani("+12135550101"),
            Ani("+13105550102"),
            Ani("+13235550103", status: "inactive"),
            Ani("+14245550104", managed: false),
            Ani("+12125550105", status: "removed"),
            Ani("+18005550106"),
            Ani("+13125550107"));

    /// <summary>
    /// In Mon 4 .. Sun 10 May: Los Angeles 8 dials (3 contacted, two of them on the weekend),
    /// New York 12 (4 contacted), toll-free 3, and 4 that fit no US row. Two more lie just
    /// outside the week in their own offsets though inside it in UTC, or the other way round.
    /// </summary>
    private async Task ArrangeDialsAsync(string token)
    {
        await PutCampaignAsync(token, "sales");
        await PutCampaignAsync(token, "renewals", "autodial");
        await ImportAsync(token,
            Dial("la-1", "+12135550001", "2026-05-04T10:00:00-07:00", contacted: true),
            Dial("la-2", "+12135550002", "2026-05-05T10:00:00-07:00"),
            Dial("la-3", "+12135550003", "2026-05-09T10:00:00-07:00", contacted: true), // Saturday
            Dial("la-4", "+12135550004", "2026-05-10T23:30:00-07:00"), // Sunday May 10 here, Monday May 11 in UTC
            Dial("la-5", "+13105550005", "2026-05-06T10:00:00-07:00", contacted: true),
            Dial("la-6", "+13105550006", "2026-05-07T10:00:00-07:00"),
            Dial("la-7", "+13105550007", "2026-05-08T10:00:00-07:00"),
            Dial("la-8", "+17385550008", "2026-05-08T11:00:00-07:00"),
            Dial("tf-1", "+18005550020", "2026-05-07T12:00:00Z"),
            Dial("tf-2", "+18005550021", "2026-05-07T12:00:00Z"),
            Dial("tf-3", "+18885550022", "2026-05-07T12:00:00Z"),
            Dial("fr-1", "+33142685300", "2026-05-05T12:00:00Z"), // France
            Dial("900-1", "+19005550123", "2026-05-05T12:00:00Z"), // NANP premium services, non-geographic
            Dial("bs-1", "+12425550123", "2026-05-05T12:00:00Z"), // Bahamas, a NANP code of another country
            Dial("uk-1", "+442079460123", "2026-05-05T12:00:00Z"), // London: a UK number for a US company
            Dial("out-1", "+12135550030", "2026-05-03T23:30:00-07:00"), // Sunday May 3 here (May 4 in UTC): before the range
            Dial("out-2", "+12125550031", "2026-05-11T00:30:00+02:00")); // Monday May 11 here (May 10 in UTC): after the range
        await ImportAsync(token, Dials("ny212", 7, "+12125550010", "2026-05-05T09:00:00-04:00", contacted: 4, campaign: "renewals"));
        await ImportAsync(token, Dials("ny917", 5, "+19175550011", "2026-05-06T09:00:00-04:00"));
    }

    [Test]
    public async Task A_managed_plan_rolls_area_codes_up_by_region_and_sorts_by_daily_average()
    {
        var token = await NewCompanyAsync();
        await ArrangeInventoryAsync(token);
        await ArrangeDialsAsync(token);

        var plan = await GenerateAsync(token, FirstFullWeek());

        Assert.Multiple(() =>
        {
            Assert.That(plan["country"]!.GetValue<string>(), Is.EqualTo("us"));
            Assert.That(plan["dateStart"]!.GetValue<string>(), Is.EqualTo("2026-05-04"));
            Assert.That(plan["dateEnd"]!.GetValue<string>(), Is.EqualTo("2026-05-10"));
            Assert.That(plan["bizDays"]!.GetValue<int>(), Is.EqualTo(5), "Mon 4 .. Fri 8");
            Assert.That(plan["dailyDialsTarget"]!.GetValue<int>(), Is.EqualTo(75), "BETTER is the default");
            Assert.That(plan["groupBy"]!.GetValue<string>(), Is.EqualTo("area_code"));
            Assert.That(plan["inventoryMode"]!.GetValue<string>(), Is.EqualTo("managed"));
            Assert.That(plan["missingZipData"]!.GetValue<bool>(), Is.False);
            Assert.That(plan["tollFreeRecommendation"]!.GetValue<int>(), Is.EqualTo(0), "only UK plans recommend toll-free numbers");
        });

        AssertRows(plan,
            // 7 + 5 = 12 dials: ceil(12 / 5) = 3 a day; ceil(3 / 75) = 1 < floor 3; no ANI (212 is removed) -> +3.
            Row("New York", "NY", ["212", "917"], 3, 0, 3, 3),
            // 4 + 3 + 1 = 8 dials, weekend ones included: ceil(8 / 5) = 2; floor 3; 213 and 310 active managed -> 3 - 2 = 1.
            Row("Los Angeles", "CA", ["213", "310", "738"], 2, 2, 3, 1),
            // 3 dials: ceil(3 / 5) = 1; toll-free floor 2; the 800 ANI -> 2 - 1 = 1.
            Row("Toll-Free", "TF", ["800", "888"], 1, 1, 2, 1),
            // An ANI but no dials: average 0, proposed 0, 0 - 1 = -1.
            Row("Chicago", "IL", ["312"], 0, 1, 0, -1));

        // 12 + 8 + 3 = 23 dials, 4 + 3 = 7 contacts: 700 / 23 = 30.43 -> 30.4. ANIs 0 + 2 + 1 + 1 = 4,
        // proposed 3 + 3 + 2 + 0 = 8, 8 - 4 = 4. France, 900, Bahamas and London fit no row: 4.
        AssertTotals(plan, totalDials: 23, totalContacts: 7, overallContactRate: 30.4m, totalCurrentAnis: 4, totalProposedAnis: 8, aniDifference: 4, unmappedDials: 4);
    }

    [Test]
    public async Task Inventory_mode_all_counts_inactive_and_unmanaged_numbers_but_never_removed_ones()
    {
        var token = await NewCompanyAsync();
        await ArrangeInventoryAsync(token);
        await ArrangeDialsAsync(token);

        var body = FirstFullWeek();
        body["inventoryMode"] = "all";
        var plan = await GenerateAsync(token, body);

        Assert.That(plan["inventoryMode"]!.GetValue<string>(), Is.EqualTo("all"));
        AssertRows(plan,
            // 212 is removed: still no ANI here.
            Row("New York", "NY", ["212", "917"], 3, 0, 3, 3),
            // 213, 310, inactive 323 and unmanaged 424 all count now: 4; 3 - 4 = -1.
            Row("Los Angeles", "CA", ["213", "310", "323", "424", "738"], 2, 4, 3, -1),
            Row("Toll-Free", "TF", ["800", "888"], 1, 1, 2, 1),
            Row("Chicago", "IL", ["312"], 0, 1, 0, -1));

        // ANIs 0 + 4 + 1 + 1 = 6; proposed 8; 8 - 6 = 2.
        AssertTotals(plan, totalDials: 23, totalContacts: 7, overallContactRate: 30.4m, totalCurrentAnis: 6, totalProposedAnis: 8, aniDifference: 2, unmappedDials: 4);
    }

    [Test]
    public async Task The_plan_answers_its_fields_in_the_contract_order()
    {
        var token = await NewCompanyAsync();

        var plan = await GenerateAsync(token, FirstFullWeek());

        Assert.That(WireFormat.Keys(plan), Is.EqualTo(new[]
        {
            "country", "dateStart", "dateEnd", "bizDays", "dailyDialsTarget", "groupBy", "inventoryMode", "regionStats",
            "totalDials", "totalContacts", "overallContactRate", "totalCurrentAnis", "totalProposedAnis", "aniDifference",
            "missingZipData", "tollFreeRecommendation", "selectedCampaigns", "campaigns", "unmappedDials",
        }));
    }

    [Test]
    public async Task A_company_without_data_gets_an_empty_us_plan()
    {
        var token = await NewCompanyAsync();

        var plan = await GenerateAsync(token, FirstFullWeek());

        Assert.Multiple(() =>
        {
            Assert.That(plan["country"]!.GetValue<string>(), Is.EqualTo("us"), "nothing to detect from: us");
            Assert.That(plan["regionStats"]!.AsArray(), Is.Empty);
            Assert.That(plan["selectedCampaigns"]!.AsArray(), Is.Empty);
            Assert.That(plan["campaigns"]!.AsArray(), Is.Empty);
            Assert.That(plan["missingZipData"]!.GetValue<bool>(), Is.False);
        });
        AssertTotals(plan, totalDials: 0, totalContacts: 0, overallContactRate: 0m, totalCurrentAnis: 0, totalProposedAnis: 0, aniDifference: 0, unmappedDials: 0);
    }

    [TestCase("BEST", 50, 4, 3)]
    [TestCase("BETTER", 75, 3, 2)]
    [TestCase("GOOD", 100, 3, 2)]
    public async Task Proposed_anis_grow_past_the_floor_when_the_daily_average_needs_it(string target, int targetDials, int laProposed, int tollFreeProposed)
    {
        // One weekday (Mon 4 May): the daily average is the day's dials.
        // Los Angeles 151: BEST ceil(151 / 50) = 4 > 3; BETTER ceil(151 / 75) = 3 = floor; GOOD ceil(151 / 100) = 2 -> floor 3.
        // Toll-free 101:   BEST ceil(101 / 50) = 3 > 2; BETTER ceil(101 / 75) = 2 = floor; GOOD ceil(101 / 100) = 2 = floor.
        var token = await NewCompanyAsync();
        await PutCampaignAsync(token, "sales");
        await ImportAsync(token, Dials("la", 151, "+12135550001", "2026-05-04T10:00:00-07:00"));
        await ImportAsync(token, Dials("tf", 101, "+18775550001", "2026-05-04T10:00:00-07:00"));

        var body = Range("2026-05-04", "2026-05-04");
        body["dailyDialsTarget"] = target;
        var plan = await GenerateAsync(token, body);

        Assert.That(plan["dailyDialsTarget"]!.GetValue<int>(), Is.EqualTo(targetDials));
        AssertRows(plan,
            Row("Los Angeles", "CA", ["213"], 151, 0, laProposed, laProposed),
            Row("Toll-Free", "TF", ["877"], 101, 0, tollFreeProposed, tollFreeProposed));
        AssertTotals(plan, totalDials: 252, totalContacts: 0, overallContactRate: 0m, totalCurrentAnis: 0,
            totalProposedAnis: laProposed + tollFreeProposed, aniDifference: laProposed + tollFreeProposed, unmappedDials: 0);
    }

    [Test]
    public async Task The_daily_average_is_rounded_up_before_the_target_is_applied()
    {
        // Mon 4 and Tue 5 May: 2 weekdays. 301 dials: 301 / 2 = 150.5 -> 151 a day.
        // BEST: ceil(151 / 50) = 4 (an unrounded 150.5 would also give 4; a truncated 150 would give 3).
        var token = await NewCompanyAsync();
        await PutCampaignAsync(token, "sales");
        await ImportAsync(token, Dials("la", 301, "+13105550001", "2026-05-04T10:00:00-07:00"));

        var body = Range("2026-05-04", "2026-05-05");
        body["dailyDialsTarget"] = "BEST";
        var plan = await GenerateAsync(token, body);

        Assert.That(plan["bizDays"]!.GetValue<int>(), Is.EqualTo(2));
        AssertRows(plan, Row("Los Angeles", "CA", ["310"], 151, 0, 4, 4));
    }

    [Test]
    public async Task Weekend_dials_count_though_only_weekdays_divide()
    {
        // Fri 1 .. Sun 3 May: one weekday. 2 dials Friday, 3 Saturday, 4 Sunday = 9 dials -> 9 / 1 = 9 a day.
        var token = await NewCompanyAsync();
        await PutCampaignAsync(token, "sales");
        await ImportAsync(token, Dials("fri", 2, "+12125550001", "2026-05-01T10:00:00-04:00"));
        await ImportAsync(token, Dials("sat", 3, "+12125550002", "2026-05-02T10:00:00-04:00"));
        await ImportAsync(token, Dials("sun", 4, "+12125550003", "2026-05-03T10:00:00-04:00"));

        var plan = await GenerateAsync(token, Range("2026-05-01", "2026-05-03"));

        Assert.That(plan["bizDays"]!.GetValue<int>(), Is.EqualTo(1));
        AssertRows(plan, Row("New York", "NY", ["212"], 9, 0, 3, 3));
        AssertTotals(plan, totalDials: 9, totalContacts: 0, overallContactRate: 0m, totalCurrentAnis: 0, totalProposedAnis: 3, aniDifference: 3, unmappedDials: 0);
    }

    [Test]
    public async Task A_dial_counts_on_its_calendar_date_in_its_own_offset()
    {
        // Plan for Monday 4 May only.
        var token = await NewCompanyAsync();
        await PutCampaignAsync(token, "sales");
        await ImportAsync(token,
            Dial("in-1", "+12135550001", "2026-05-04T23:30:00-07:00"), // May 4 here, May 5 06:30 UTC: counts
            Dial("in-2", "+12135550002", "2026-05-04T00:30:00+09:00"), // May 4 here, May 3 15:30 UTC: counts
            Dial("in-3", "+12135550003", "2026-05-04T12:00:00Z"), // May 4 UTC: counts
            Dial("out-1", "+12135550004", "2026-05-03T23:30:00-07:00"), // May 3 here, May 4 06:30 UTC: does not
            Dial("out-2", "+12135550005", "2026-05-05T01:00:00+05:00")); // May 5 here, May 4 20:00 UTC: does not

        var plan = await GenerateAsync(token, Range("2026-05-04", "2026-05-04"));

        // 3 dials on the one weekday: 3 a day.
        AssertRows(plan, Row("Los Angeles", "CA", ["213"], 3, 0, 3, 3));
        Assert.That(plan["totalDials"]!.GetValue<long>(), Is.EqualTo(3));
    }

    /// <summary>
    /// ANIs 213 (LA), 312 (Chicago) and 800 (toll-free), all active and managed. Five dials from
    /// the 213 ANI to New York prospects (2 contacted), two from the Chicago ANI and one from the
    /// toll-free ANI (contacted) to Los Angeles prospects, one from a French ANI to Los Angeles.
    /// </summary>
    private async Task ArrangeAniGroupingAsync(string token)
    {
        await PutAnisAsync(token, Ani("+12135550101"), Ani("+13125550107"), Ani("+18005550106"));
        await PutCampaignAsync(token, "sales");
        await ImportAsync(token, Dials("a", 5, "+12125550201", "2026-05-04T10:00:00-04:00", contacted: 2, ani: "+12135550101"));
        await ImportAsync(token,
            Dial("c-1", "+13105550206", "2026-05-05T10:00:00-07:00", ani: "+13125550107"),
            Dial("c-2", "+13105550206", "2026-05-06T10:00:00-07:00", ani: "+13125550107"),
            Dial("t-1", "+13235550207", "2026-05-07T10:00:00-07:00", contacted: true, ani: "+18005550106"),
            Dial("f-1", "+14245550208", "2026-05-08T10:00:00-07:00", ani: "+33142685300"));
    }

    [Test]
    public async Task Group_by_ani_counts_dials_under_the_area_code_of_the_number_that_placed_them()
    {
        var token = await NewCompanyAsync();
        await ArrangeAniGroupingAsync(token);

        var body = Range("2026-05-04", "2026-05-08");
        body["groupBy"] = "ani";
        var plan = await GenerateAsync(token, body);

        Assert.That(plan["groupBy"]!.GetValue<string>(), Is.EqualTo("ani"));

        // Mon 4 .. Fri 8: 5 weekdays. Every row has average 1, so they sort by region.
        AssertRows(plan,
            Row("Chicago", "IL", ["312"], 1, 1, 3, 2), // 2 dials: ceil(2 / 5) = 1; floor 3; 3 - 1 = 2
            Row("Los Angeles", "CA", ["213"], 1, 1, 3, 2), // 5 dials: ceil(5 / 5) = 1
            Row("Toll-Free", "TF", ["800"], 1, 1, 2, 1)); // 1 dial; toll-free floor 2

        // 2 + 5 + 1 = 8 dials, 3 contacts: 37.5. The French ANI fits no row: 1 unmapped.
        // ANIs 3, proposed 3 + 3 + 2 = 8, 8 - 3 = 5.
        AssertTotals(plan, totalDials: 8, totalContacts: 3, overallContactRate: 37.5m, totalCurrentAnis: 3, totalProposedAnis: 8, aniDifference: 5, unmappedDials: 1);
    }

    [Test]
    public async Task Group_by_area_code_counts_the_same_dials_under_the_prospects_area_codes()
    {
        var token = await NewCompanyAsync();
        await ArrangeAniGroupingAsync(token);

        var plan = await GenerateAsync(token, Range("2026-05-04", "2026-05-08"));

        AssertRows(plan,
            // 310, 310, 323 and 424 prospects: 4 dials, ceil(4 / 5) = 1; the 213 ANI is listed and counted.
            Row("Los Angeles", "CA", ["213", "310", "323", "424"], 1, 1, 3, 2),
            Row("New York", "NY", ["212"], 1, 0, 3, 3), // 5 dials: 1 a day
            Row("Chicago", "IL", ["312"], 0, 1, 0, -1), // ANI only
            Row("Toll-Free", "TF", ["800"], 0, 1, 0, -1)); // ANI only

        // 4 + 5 = 9 dials (the French ANI's dial counts: its prospect is in Los Angeles), 3 contacts: 33.33 -> 33.3.
        // ANIs 3; proposed 3 + 3 = 6; 6 - 3 = 3.
        AssertTotals(plan, totalDials: 9, totalContacts: 3, overallContactRate: 33.3m, totalCurrentAnis: 3, totalProposedAnis: 6, aniDifference: 3, unmappedDials: 0);
    }

    [Test]
    public async Task Group_by_zip_counts_dials_under_the_area_code_of_the_prospects_zip()
    {
        var token = await NewCompanyAsync();
        await PutAnisAsync(token, Ani("+12135550101"));
        await PutCampaignAsync(token, "sales");
        await ImportAsync(token,
            Dial("z-1", "+12125550301", "2026-05-04T10:00:00-04:00", contacted: true, zip: "90001"), // New York number, Los Angeles ZIP
            Dial("z-2", "+13105550302", "2026-05-05T10:00:00-07:00", zip: "90001-1234"), // ZIP+4, Los Angeles
            Dial("z-3", "+12125550303", "2026-05-06T10:00:00-04:00", zip: "10001"), // New York
            Dial("z-4", "+13125550304", "2026-05-07T10:00:00-05:00", zip: "60601"), // Chicago
            Dial("z-5", "+12135550305", "2026-05-08T10:00:00-07:00"), // no ZIP
            Dial("z-6", "+12135550306", "2026-05-08T11:00:00-07:00", zip: "00000")); // a ZIP nobody has

        var body = Range("2026-05-04", "2026-05-08");
        body["groupBy"] = "zip";
        var plan = await GenerateAsync(token, body);

        Assert.Multiple(() =>
        {
            Assert.That(plan["groupBy"]!.GetValue<string>(), Is.EqualTo("zip"));
            Assert.That(plan["missingZipData"]!.GetValue<bool>(), Is.False, "most dials have a ZIP");
        });

        // 5 weekdays; every row 1 a day, so by region.
        AssertRows(plan,
            Row("Chicago", "IL", ["312"], 1, 0, 3, 3), // 60601
            Row("Los Angeles", "CA", ["213"], 1, 1, 3, 2), // 90001 twice: 2 dials; its lowest code 213; the 213 ANI
            Row("New York", "NY", ["212"], 1, 0, 3, 3)); // 10001

        // 1 + 2 + 1 = 4 dials, 1 contact: 25.0. No ZIP and the unknown ZIP: 2 unmapped.
        AssertTotals(plan, totalDials: 4, totalContacts: 1, overallContactRate: 25.0m, totalCurrentAnis: 1, totalProposedAnis: 9, aniDifference: 8, unmappedDials: 2);
    }

    [Test]
    public async Task Group_by_zip_without_any_zip_reports_missing_zip_data()
    {
        var token = await NewCompanyAsync();
        await PutAnisAsync(token, Ani("+12135550101"));
        await PutCampaignAsync(token, "sales");
        await ImportAsync(token, Dials("nz", 3, "+12135550001", "2026-05-04T10:00:00-07:00", contacted: 1));

        var zip = Range("2026-05-04", "2026-05-08");
        zip["groupBy"] = "zip";
        var byZip = await GenerateAsync(token, zip);
        var byAreaCode = await GenerateAsync(token, Range("2026-05-04", "2026-05-08"));

        Assert.Multiple(() =>
        {
            Assert.That(byZip["missingZipData"]!.GetValue<bool>(), Is.True);
            Assert.That(byAreaCode["missingZipData"]!.GetValue<bool>(), Is.False, "only a zip plan misses ZIPs");
        });

        // All 3 dials lack a ZIP: no dial row, only the ANI's row; 3 unmapped.
        AssertRows(byZip, Row("Los Angeles", "CA", ["213"], 0, 1, 0, -1));
        AssertTotals(byZip, totalDials: 0, totalContacts: 0, overallContactRate: 0m, totalCurrentAnis: 1, totalProposedAnis: 0, aniDifference: -1, unmappedDials: 3);

        // By prospect: 3 dials over 5 weekdays -> 1 a day; 1 contact of 3 = 33.3.
        AssertRows(byAreaCode, Row("Los Angeles", "CA", ["213"], 1, 1, 3, 2));
        AssertTotals(byAreaCode, totalDials: 3, totalContacts: 1, overallContactRate: 33.3m, totalCurrentAnis: 1, totalProposedAnis: 3, aniDifference: 2, unmappedDials: 0);
    }

    [Test]
    public async Task Group_by_zip_without_dials_does_not_report_missing_zip_data()
    {
        var token = await NewCompanyAsync();
        await PutAnisAsync(token, Ani("+12135550101"));

        var body = Range("2026-05-04", "2026-05-08");
        body["groupBy"] = "zip";
        var plan = await GenerateAsync(token, body);

        Assert.That(plan["missingZipData"]!.GetValue<bool>(), Is.False, "no dials, so no ZIP is missing");
        AssertRows(plan, Row("Los Angeles", "CA", ["213"], 0, 1, 0, -1));
    }

    [Test]
    public async Task Regions_of_the_same_name_in_different_states_are_separate_rows_ordered_by_state()
    {
        // Springfield IL is 217 and 447, Springfield MO 417. One dial each over 5 weekdays: 1 a day everywhere.
        var token = await NewCompanyAsync();
        await PutAnisAsync(token, Ani("+14175550101"));
        await PutCampaignAsync(token, "sales");
        await ImportAsync(token,
            Dial("mo-1", "+14175550001", "2026-05-04T10:00:00-05:00"),
            Dial("il-1", "+14475550002", "2026-05-05T10:00:00-05:00"),
            Dial("il-2", "+12175550003", "2026-05-06T10:00:00-05:00"));

        var plan = await GenerateAsync(token, Range("2026-05-04", "2026-05-08"));

        AssertRows(plan,
            Row("Springfield", "IL", ["217", "447"], 1, 0, 3, 3), // 2 dials: ceil(2 / 5) = 1
            Row("Springfield", "MO", ["417"], 1, 1, 3, 2)); // 1 dial; the 417 ANI
    }

    [Test]
    public async Task Contact_rate_rounds_half_away_from_zero()
    {
        // 1 contact in 16 dials: 100 / 16 = 6.25 -> 6.3 (half away from zero, not the banker's 6.2).
        var token = await NewCompanyAsync();
        await PutCampaignAsync(token, "sales");
        await ImportAsync(token, Dials("r", 16, "+12135550001", "2026-05-04T10:00:00-07:00", contacted: 1));

        var plan = await GenerateAsync(token, Range("2026-05-04", "2026-05-08"));

        Assert.That(plan["overallContactRate"]!.GetValue<decimal>(), Is.EqualTo(6.3m));
    }
}
