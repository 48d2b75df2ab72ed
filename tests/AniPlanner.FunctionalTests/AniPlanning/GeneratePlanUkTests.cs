using System.Net;
using AniPlanner.FunctionalTests.Infrastructure;

namespace AniPlanner.FunctionalTests.AniPlanning;

/// <summary>
/// Plans for a UK company: one row per area code (state = the code without its 0, region = its
/// counties from uk_area_codes.csv joined with ", "), one Mobile row, freephone never a row.
/// </summary>
public sealed class GeneratePlanUkTests(DatabaseKind kind) : AniPlanningTestBase(kind)
{
    private const string LondonAni = "+442079460101";

    /// <summary>
    /// London 020, Leeds 0113, two mobiles (07400 and 07700 900xxx), a freephone 0800 number
    /// (all active and managed) and an inactive Tyneside 0191 number.
    /// </summary>
    private async Task ArrangeInventoryAsync(string token) =>
        await PutAnisAsync(token,
            Ani(LondonAni),
            Ani("+441134960102"),
            Ani("+447400123456"),
            Ani("+447700900123"),
            Ani("+448001234567"),
            Ani("+441912345678", status: "inactive"));

    /// <summary>
    /// Mon 4 .. Fri 8 May: London 7 dials (3 contacted), Leeds 3, mobiles 4 (1 contacted), Tyneside 1,
    /// Langholm 013873 1 and Dumfries 01387 1 (the longest listed code wins), a freephone and a US number.
    /// </summary>
    private async Task ArrangeDialsAsync(string token)
    {
        await PutCampaignAsync(token, "sales");
        await ImportAsync(token, Dials("ldn", 7, "+442079460001", "2026-05-04T10:00:00+01:00", contacted: 3, ani: LondonAni));
        await ImportAsync(token, Dials("lds", 3, "+441134960002", "2026-05-05T10:00:00+01:00", ani: LondonAni));
        await ImportAsync(token,
            Dial("mob-1", "+447400000001", "2026-05-06T10:00:00+01:00", contacted: true, ani: LondonAni),
            Dial("mob-2", "+447400000002", "2026-05-06T11:00:00+01:00", ani: LondonAni),
            Dial("mob-3", "+447911123456", "2026-05-06T12:00:00+01:00", ani: LondonAni),
            Dial("mob-4", "+447700900124", "2026-05-06T13:00:00+01:00", ani: LondonAni),
            Dial("tyne-1", "+441912000001", "2026-05-07T10:00:00+01:00", ani: LondonAni),
            Dial("lang-1", "+441387312345", "2026-05-07T11:00:00+01:00", ani: LondonAni),
            Dial("dumf-1", "+441387212345", "2026-05-07T12:00:00+01:00", ani: LondonAni),
            Dial("free-1", "+448081570000", "2026-05-08T10:00:00+01:00", ani: LondonAni),
            Dial("us-1", "+12135550001", "2026-05-08T10:00:00+01:00", ani: LondonAni));
    }

    [Test]
    public async Task A_uk_plan_has_a_row_per_area_code_and_one_for_mobiles()
    {
        var token = await NewCompanyAsync();
        await ArrangeInventoryAsync(token);
        await ArrangeDialsAsync(token);

        var plan = await GenerateAsync(token, Range("2026-05-04", "2026-05-08"));

        Assert.Multiple(() =>
        {
            Assert.That(plan["country"]!.GetValue<string>(), Is.EqualTo("uk"), "every ANI is British");
            Assert.That(plan["bizDays"]!.GetValue<int>(), Is.EqualTo(5));
        });

        AssertRows(plan,
            // 7 dials: ceil(7 / 5) = 2; ceil(2 / 75) = 1 < UK floor 2; one London ANI: 2 - 1 = 1.
            Row("Greater London", "20", ["20"], 2, 1, 2, 1),
            // Every other row has 1 dial a day at most, so they sort by region, then state ("1387" < "13873").
            Row("Dumfries and Galloway", "1387", ["1387"], 1, 0, 2, 2),
            Row("Dumfries and Galloway", "13873", ["13873"], 1, 0, 2, 2),
            // 07400 x2, 07911, 07700 900124: 4 dials; the 07400 and 07700 900123 ANIs: 2 - 2 = 0.
            Row("Mobile", "7", ["7"], 1, 2, 2, 0),
            // 0191 lists two counties, "Tyne and Wear; County Durham"; its ANI is inactive, not counted when managed.
            Row("Tyne and Wear, County Durham", "191", ["191"], 1, 0, 2, 2),
            Row("West Yorkshire", "113", ["113"], 1, 1, 2, 1));

        // 7 + 1 + 1 + 4 + 1 + 3 = 17 dials; 3 + 1 = 4 contacts: 400 / 17 = 23.53 -> 23.5.
        // ANIs 1 + 0 + 0 + 2 + 0 + 1 = 4 (freephone is no row); proposed 6 x 2 = 12; 12 - 4 = 8.
        // Freephone 0808 and the US number fit no UK row: 2 unmapped.
        AssertTotals(plan, totalDials: 17, totalContacts: 4, overallContactRate: 23.5m, totalCurrentAnis: 4, totalProposedAnis: 12, aniDifference: 8, unmappedDials: 2);

        // ceil(1% of 12) = ceil(0.12) = 1.
        Assert.That(plan["tollFreeRecommendation"]!.GetValue<int>(), Is.EqualTo(1));
    }

    [Test]
    public async Task Inventory_mode_all_counts_the_inactive_number_but_freephone_stays_out()
    {
        var token = await NewCompanyAsync();
        await ArrangeInventoryAsync(token);
        await ArrangeDialsAsync(token);

        var body = Range("2026-05-04", "2026-05-08");
        body["inventoryMode"] = "all";
        var plan = await GenerateAsync(token, body);

        AssertRows(plan,
            Row("Greater London", "20", ["20"], 2, 1, 2, 1),
            Row("Dumfries and Galloway", "1387", ["1387"], 1, 0, 2, 2),
            Row("Dumfries and Galloway", "13873", ["13873"], 1, 0, 2, 2),
            Row("Mobile", "7", ["7"], 1, 2, 2, 0),
            Row("Tyne and Wear, County Durham", "191", ["191"], 1, 1, 2, 1), // the inactive 0191 number counts now
            Row("West Yorkshire", "113", ["113"], 1, 1, 2, 1));

        // ANIs 4 + 1 = 5; 12 - 5 = 7.
        AssertTotals(plan, totalDials: 17, totalContacts: 4, overallContactRate: 23.5m, totalCurrentAnis: 5, totalProposedAnis: 12, aniDifference: 7, unmappedDials: 2);
    }

    [Test]
    public async Task Group_by_ani_puts_each_dial_under_the_calling_numbers_area_code()
    {
        var token = await NewCompanyAsync();
        await PutAnisAsync(token, Ani(LondonAni), Ani("+441134960102"), Ani("+447400123456"), Ani("+448001234567"));
        await PutCampaignAsync(token, "sales");
        await ImportAsync(token, Dials("ldn", 6, "+441134960001", "2026-05-04T10:00:00+01:00", ani: LondonAni)); // Leeds prospects, London ANI
        await ImportAsync(token, Dials("mob", 2, "+442079460001", "2026-05-05T10:00:00+01:00", contacted: 2, ani: "+447400123456"));
        await ImportAsync(token, Dial("free", "+442079460002", "2026-05-06T10:00:00+01:00", ani: "+448001234567"));

        var body = Range("2026-05-04", "2026-05-08");
        body["groupBy"] = "ani";
        var plan = await GenerateAsync(token, body);

        AssertRows(plan,
            Row("Greater London", "20", ["20"], 2, 1, 2, 1), // 6 dials: ceil(6 / 5) = 2
            Row("Mobile", "7", ["7"], 1, 1, 2, 1), // 2 dials: 1 a day
            Row("West Yorkshire", "113", ["113"], 0, 1, 0, -1)); // the Leeds ANI placed nothing

        // 6 + 2 = 8 dials, 2 contacts: 25.0; the freephone ANI's dial fits no row: 1 unmapped.
        // ANIs 3 (freephone is no row); proposed 2 + 2 = 4; 4 - 3 = 1; toll-free ceil(0.04) = 1.
        AssertTotals(plan, totalDials: 8, totalContacts: 2, overallContactRate: 25.0m, totalCurrentAnis: 3, totalProposedAnis: 4, aniDifference: 1, unmappedDials: 1);
        Assert.That(plan["tollFreeRecommendation"]!.GetValue<int>(), Is.EqualTo(1));
    }

    [Test]
    public async Task The_toll_free_recommendation_is_one_percent_of_the_proposed_anis_rounded_up()
    {
        // One weekday, BEST (50): 5001 London dials -> ceil(5001 / 50) = 101 ANIs; ceil(1.01) = 2 toll-free numbers.
        var token = await NewCompanyAsync();
        await PutAnisAsync(token, Ani(LondonAni));
        await PutCampaignAsync(token, "sales");
        await ImportAsync(token, Dials("ldn", 5001, "+442079460001", "2026-05-04T10:00:00+01:00", ani: LondonAni));

        var body = Range("2026-05-04", "2026-05-04");
        body["dailyDialsTarget"] = "BEST";
        var plan = await GenerateAsync(token, body);

        AssertRows(plan, Row("Greater London", "20", ["20"], 5001, 1, 101, 100));
        Assert.That(plan["tollFreeRecommendation"]!.GetValue<int>(), Is.EqualTo(2));
    }

    [Test]
    public async Task A_uk_company_without_dials_is_recommended_no_toll_free_numbers()
    {
        var token = await NewCompanyAsync();
        await PutAnisAsync(token, Ani(LondonAni));

        var plan = await GenerateAsync(token, Range("2026-05-04", "2026-05-08"));

        Assert.That(plan["country"]!.GetValue<string>(), Is.EqualTo("uk"));
        AssertRows(plan, Row("Greater London", "20", ["20"], 0, 1, 0, -1));
        Assert.That(plan["tollFreeRecommendation"]!.GetValue<int>(), Is.EqualTo(0), "ceil(1% of 0) = 0");
    }

    [Test]
    public async Task Group_by_zip_is_refused_for_a_uk_company()
    {
        var token = await NewCompanyAsync();
        await PutAnisAsync(token, Ani(LondonAni));

        var body = Range("2026-05-04", "2026-05-08");
        body["groupBy"] = "zip";
        AssertFailure(await SendAsync(HttpMethod.Post, $"{Url}/generate", token, body), HttpStatusCode.BadRequest, "zip", "uk");
    }

    [Test]
    public async Task The_country_is_detected_from_the_dials_anis_when_there_is_no_inventory()
    {
        // No ANIs recorded; the dials were placed from a London number: uk.
        var token = await NewCompanyAsync();
        await PutCampaignAsync(token, "sales");
        await ImportAsync(token, Dials("ldn", 2, "+442079460001", "2026-05-04T10:00:00+01:00", ani: LondonAni));

        var plan = await GenerateAsync(token, Range("2026-05-04", "2026-05-08"));

        Assert.That(plan["country"]!.GetValue<string>(), Is.EqualTo("uk"));
        AssertRows(plan, Row("Greater London", "20", ["20"], 1, 0, 2, 2)); // 2 dials over 5 weekdays: 1 a day
    }
}
