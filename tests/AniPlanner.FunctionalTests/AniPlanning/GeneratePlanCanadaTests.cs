using AniPlanner.FunctionalTests.Infrastructure;

namespace AniPlanner.FunctionalTests.AniPlanning;

/// <summary>Plans for a Canadian company: provinces as states, overlays rolled up, toll-free shared with the US.</summary>
public sealed class GeneratePlanCanadaTests(DatabaseKind kind) : AniPlanningTestBase(kind)
{
    private const string TorontoAni = "+14165550101";

    /// <summary>Toronto 416 and 647 (active, managed), Vancouver 604 (unmanaged), toll-free 800 (managed).</summary>
    private async Task ArrangeInventoryAsync(string token) =>
        await PutAnisAsync(token,
            Ani(TorontoAni),
            Ani("+16475550102"),
            Ani("+16045550103", managed: false),
            Ani("+18005550104"));

    /// <summary>
    /// Mon 4 .. Fri 8 May: Toronto 416 x4, 437 x3, 647 x4 (5 contacted), Montreal 514 x2 and
    /// 438 x1, Vancouver 604 x1, toll-free 888 x1, and a UK mobile.
    /// </summary>
    private async Task ArrangeDialsAsync(string token)
    {
        await PutCampaignAsync(token, "ventes");
        await ImportAsync(token, Dials("416", 4, "+14165550001", "2026-05-04T10:00:00-04:00", contacted: 4, ani: TorontoAni, campaign: "ventes"));
        await ImportAsync(token, Dials("437", 3, "+14375550002", "2026-05-05T10:00:00-04:00", contacted: 1, ani: TorontoAni, campaign: "ventes"));
        await ImportAsync(token, Dials("647", 4, "+16475550003", "2026-05-06T10:00:00-04:00", ani: TorontoAni, campaign: "ventes"));
        await ImportAsync(token,
            Dial("514-1", "+15145550004", "2026-05-07T10:00:00-04:00", ani: TorontoAni, campaign: "ventes"),
            Dial("514-2", "+15145550005", "2026-05-07T11:00:00-04:00", ani: TorontoAni, campaign: "ventes"),
            Dial("438-1", "+14385550006", "2026-05-07T12:00:00-04:00", ani: TorontoAni, campaign: "ventes"),
            Dial("604-1", "+16045550007", "2026-05-08T10:00:00-07:00", ani: TorontoAni, campaign: "ventes"),
            Dial("888-1", "+18885550008", "2026-05-08T10:00:00-04:00", ani: TorontoAni, campaign: "ventes"),
            Dial("uk-1", "+447400000001", "2026-05-08T10:00:00-04:00", ani: TorontoAni, campaign: "ventes"));
    }

    [Test]
    public async Task A_canadian_plan_rolls_toronto_overlays_into_one_row()
    {
        var token = await NewCompanyAsync("Érable Appels");
        await ArrangeInventoryAsync(token);
        await ArrangeDialsAsync(token);

        var plan = await GenerateAsync(token, Range("2026-05-04", "2026-05-08"));

        // Three Canadian ANIs against one toll-free (filed under US): ca.
        Assert.That(plan["country"]!.GetValue<string>(), Is.EqualTo("ca"));
        AssertRows(plan,
            // 4 + 3 + 4 = 11 dials: ceil(11 / 5) = 3; floor 3; 416 and 647 managed: 3 - 2 = 1.
            Row("Toronto", "ON", ["416", "437", "647"], 3, 2, 3, 1),
            // The rest are 1 a day, so by region: Montreal, Toll-Free, Vancouver.
            Row("Montreal", "QC", ["438", "514"], 1, 0, 3, 3), // 3 dials
            Row("Toll-Free", "TF", ["800", "888"], 1, 1, 2, 1), // 1 dial; floor 2; the 800 ANI
            Row("Vancouver", "BC", ["604"], 1, 0, 3, 3)); // 1 dial; the 604 ANI is unmanaged, so not counted

        // 11 + 3 + 1 + 1 = 16 dials, 4 + 1 = 5 contacts: 500 / 16 = 31.25 -> 31.3.
        // ANIs 2 + 0 + 1 + 0 = 3; proposed 3 + 3 + 2 + 3 = 11; 11 - 3 = 8. The UK mobile: 1 unmapped.
        AssertTotals(plan, totalDials: 16, totalContacts: 5, overallContactRate: 31.3m, totalCurrentAnis: 3, totalProposedAnis: 11, aniDifference: 8, unmappedDials: 1);
        Assert.That(plan["tollFreeRecommendation"]!.GetValue<int>(), Is.EqualTo(0), "not a UK plan");
    }

    [Test]
    public async Task Inventory_mode_all_counts_the_unmanaged_vancouver_number()
    {
        var token = await NewCompanyAsync();
        await ArrangeInventoryAsync(token);
        await ArrangeDialsAsync(token);

        var body = Range("2026-05-04", "2026-05-08");
        body["inventoryMode"] = "all";
        var plan = await GenerateAsync(token, body);

        AssertRows(plan,
            Row("Toronto", "ON", ["416", "437", "647"], 3, 2, 3, 1),
            Row("Montreal", "QC", ["438", "514"], 1, 0, 3, 3),
            Row("Toll-Free", "TF", ["800", "888"], 1, 1, 2, 1),
            Row("Vancouver", "BC", ["604"], 1, 1, 3, 2));

        // ANIs 3 + 1 = 4; 11 - 4 = 7.
        AssertTotals(plan, totalDials: 16, totalContacts: 5, overallContactRate: 31.3m, totalCurrentAnis: 4, totalProposedAnis: 11, aniDifference: 7, unmappedDials: 1);
    }

    [Test]
    public async Task Group_by_ani_puts_all_dials_under_the_toronto_number()
    {
        var token = await NewCompanyAsync();
        await ArrangeInventoryAsync(token);
        await ArrangeDialsAsync(token);

        var body = Range("2026-05-04", "2026-05-08");
        body["groupBy"] = "ani";
        var plan = await GenerateAsync(token, body);

        AssertRows(plan,
            // All 17 dials (the UK one too) came from 416: ceil(17 / 5) = 4; floor 3; 416 and 647: 3 - 2 = 1.
            Row("Toronto", "ON", ["416", "647"], 4, 2, 3, 1),
            Row("Toll-Free", "TF", ["800"], 0, 1, 0, -1)); // the 800 ANI placed nothing

        // 17 dials, 5 contacts: 29.41 -> 29.4. ANIs 3; proposed 3; 3 - 3 = 0.
        AssertTotals(plan, totalDials: 17, totalContacts: 5, overallContactRate: 29.4m, totalCurrentAnis: 3, totalProposedAnis: 3, aniDifference: 0, unmappedDials: 0);
    }

    [Test]
    public async Task Group_by_zip_is_allowed_and_reports_missing_zip_data_without_us_zips()
    {
        var token = await NewCompanyAsync();
        await ArrangeInventoryAsync(token);
        await ArrangeDialsAsync(token);

        var body = Range("2026-05-04", "2026-05-08");
        body["groupBy"] = "zip";
        var plan = await GenerateAsync(token, body);

        Assert.That(plan["missingZipData"]!.GetValue<bool>(), Is.True, "none of the 17 dials has a ZIP");

        // Only the ANIs' rows, both 0 a day: by region, "Toll-Free" < "Toronto".
        AssertRows(plan,
            Row("Toll-Free", "TF", ["800"], 0, 1, 0, -1),
            Row("Toronto", "ON", ["416", "647"], 0, 2, 0, -2));
        AssertTotals(plan, totalDials: 0, totalContacts: 0, overallContactRate: 0m, totalCurrentAnis: 3, totalProposedAnis: 0, aniDifference: -3, unmappedDials: 17);
    }

    [Test]
    public async Task The_country_is_detected_from_the_dials_anis_when_there_is_no_inventory()
    {
        var token = await NewCompanyAsync();
        await PutCampaignAsync(token, "ventes");
        await ImportAsync(token, Dials("mtl", 2, "+15145550001", "2026-05-04T10:00:00-04:00", ani: "+15145550100", campaign: "ventes"));

        var plan = await GenerateAsync(token, Range("2026-05-04", "2026-05-08"));

        Assert.That(plan["country"]!.GetValue<string>(), Is.EqualTo("ca"));
        AssertRows(plan, Row("Montreal", "QC", ["514"], 1, 0, 3, 3)); // 2 dials over 5 weekdays: 1 a day
    }
}
