using System.Globalization;
using AniPlanner.Application.AniPlanning.Common;
using AniPlanner.Application.AniPlanning.GeneratePlan;
using AniPlanner.Domain.AniPlanning.Dials;
using AniPlanner.Domain.AniPlanning.Regions;

namespace AniPlanner.UnitTests.AniPlanning;

/// <summary>
/// The plan's arithmetic on hand-made counts. Floors: 3 for a NANP region, 2 for toll-free,
/// 2 for a UK row. Every expected number is worked out in the comment beside it.
/// </summary>
public sealed class PlanCalculatorTests
{
    /// <summary>The reference rows behind area keys: Springfield IL and MO tie on region.</summary>
    private static readonly Func<string, RegionArea?> Geography = TestGeography.Create().Area;

    /// <summary>A row as plain values, so rows compare by value (area codes joined by spaces).</summary>
    private sealed record Row(string Region, string State, string AreaCodes, int DailyDialsAverage, int CurrentAnis, int ProposedAnis, int Difference);

    /// <summary>The plan's totals as plain values, so they compare (and print) at once.</summary>
    private sealed record Totals(
        long Dials, long Contacts, decimal ContactRate, int CurrentAnis, int ProposedAnis, int AniDifference, long UnmappedDials, int TollFree);

    private static Totals TotalsOf(PlanFigures figures) => new(
        figures.TotalDials, figures.TotalContacts, figures.OverallContactRate, figures.TotalCurrentAnis,
        figures.TotalProposedAnis, figures.AniDifference, figures.UnmappedDials, figures.TollFreeRecommendation);

    private static PlanBasis Basis(PlannerCountry country = PlannerCountry.Us, int bizDays = 5, int target = 75, DialGrouping grouping = DialGrouping.AreaCode) =>
        new(country, grouping, bizDays, target);

    private static AreaVolume Dials(string areaKey, long dials, long contacts = 0) => new(areaKey, dials, contacts);

    private static KeyCount Anis(string areaKey, int count) => new(areaKey, count);

    private static PlanFigures Calculate(PlanBasis basis, AreaVolume[] dials, KeyCount[]? anis = null) =>
        PlanCalculator.Calculate(basis, dials, anis ?? [], Geography);

    private static void AssertRows(PlanFigures figures, params Row[] expected) =>
        Assert.That(
            figures.RegionStats.Select(stat => new Row(
                stat.Region, stat.State, string.Join(' ', stat.AreaCodes), stat.DailyDialsAverage, stat.CurrentAnis, stat.ProposedAnis, stat.Difference)),
            Is.EqualTo(expected));

    // 301 dials over 2 weekdays: 150.5 -> 151 (truncating would give 150).
    // 11 over 5: 2.2 -> 3. 10 over 5: exactly 2 stays 2. 1 over 21: 0.05 -> 1.
    [TestCase(301, 2, 151)]
    [TestCase(11, 5, 3)]
    [TestCase(10, 5, 2)]
    [TestCase(1, 21, 1)]
    public void Rows_round_daily_average_up(long dials, int bizDays, int average)
    {
        var figures = Calculate(Basis(bizDays: bizDays), [Dials("nanp:213", dials)]);

        Assert.That(figures.RegionStats.Single().DailyDialsAverage, Is.EqualTo(average));
    }

    // One weekday, 151 dials: average 151.
    // BEST 50: ceil(151 / 50) = ceil(3.02) = 4, above the floor 3.
    // BETTER 75: ceil(151 / 75) = ceil(2.01) = 3, the floor.
    // GOOD 100: ceil(151 / 100) = ceil(1.51) = 2, below the floor: 3.
    [TestCase(50, 4)]
    [TestCase(75, 3)]
    [TestCase(100, 3)]
    public void Proposed_anis_round_the_average_over_the_target_up_but_never_below_the_floor(int target, int proposed)
    {
        var figures = Calculate(Basis(bizDays: 1, target: target), [Dials("nanp:213", 151)]);

        AssertRows(figures, new Row("Los Angeles", "CA", "213", 151, 0, proposed, proposed));
    }

    [Test]
    public void The_average_is_rounded_up_before_the_target_divides_it()
    {
        // 2 weekdays, BEST 50. New York 401 dials: 200.5 -> 201 a day; ceil(201 / 50) = ceil(4.02) = 5
        // (a truncated 200 would give 4). Los Angeles 400: exactly 200 a day; ceil(200 / 50) = 4.
        // Springfield 301: 150.5 -> 151 a day; ceil(151 / 50) = ceil(3.02) = 4 (a truncated 150 would give 3).
        var figures = Calculate(Basis(bizDays: 2, target: 50), [Dials("nanp:217", 301), Dials("nanp:213", 400), Dials("nanp:212", 401)]);

        AssertRows(figures,
            new Row("New York", "NY", "212", 201, 0, 5, 5),
            new Row("Los Angeles", "CA", "213", 200, 0, 4, 4),
            new Row("Springfield", "IL", "217", 151, 0, 4, 4));
    }

    [Test]
    public void Rows_with_dials_get_at_least_their_floor()
    {
        // US, 5 weekdays, BETTER 75. Los Angeles 8 dials: ceil(8 / 5) = 2 a day; ceil(2 / 75) = 1 -> region floor 3.
        // Toll-free 3 dials: ceil(3 / 5) = 1 a day; ceil(1 / 75) = 1 -> toll-free floor 2.
        var us = Calculate(Basis(), [Dials("nanp:213", 8), Dials("nanp:800", 3)]);
        // UK, the same: London 7 dials: ceil(7 / 5) = 2 a day -> UK floor 2. Mobiles 4: 1 a day -> 2.
        var uk = Calculate(Basis(PlannerCountry.Uk), [Dials("uk:20", 7), Dials("uk:7", 4)]);

        AssertRows(us,
            new Row("Los Angeles", "CA", "213", 2, 0, 3, 3),
            new Row("Toll-Free", "TF", "800", 1, 0, 2, 2));
        AssertRows(uk,
            new Row("Greater London", "20", "20", 2, 0, 2, 2),
            new Row("Mobile", "7", "7", 1, 0, 2, 2));
    }

    [Test]
    public void A_row_with_anis_but_no_dials_proposes_none()
    {
        // Two Los Angeles ANIs, no dials: average 0, proposed 0 (no floor without dials), 0 - 2 = -2.
        var figures = Calculate(Basis(), [], [Anis("nanp:213", 2)]);

        AssertRows(figures, new Row("Los Angeles", "CA", "213", 0, 2, 0, -2));
        Assert.That(figures.AniDifference, Is.EqualTo(-2));
    }

    [Test]
    public void Area_codes_of_one_region_roll_up_into_one_row_listed_in_ordinal_order()
    {
        // 310 (3 dials, 2 contacts) and 213 (4 dials, 1 contact) are both Los Angeles, CA: 7 dials,
        // ceil(7 / 5) = 2 a day -> floor 3; one ANI in each code: 2; 3 - 2 = 1. Codes sorted: 213, 310.
        var figures = Calculate(Basis(), [Dials("nanp:310", 3, 2), Dials("nanp:213", 4, 1)], [Anis("nanp:310", 1), Anis("nanp:213", 1)]);

        AssertRows(figures, new Row("Los Angeles", "CA", "213 310", 2, 2, 3, 1));
        // 3 contacts of 7 dials: 300 / 7 = 42.857 -> 42.9.
        Assert.That((figures.TotalDials, figures.TotalContacts, figures.OverallContactRate), Is.EqualTo((7L, 3L, 42.9m)));
    }

    [Test]
    public void An_anis_area_code_joins_its_row_even_without_dials_there()
    {
        // Dials only in 213, an ANI only in 310: the Los Angeles row lists both. 5 dials: 1 a day -> floor 3; 3 - 1 = 2.
        var figures = Calculate(Basis(), [Dials("nanp:213", 5)], [Anis("nanp:310", 1)]);

        AssertRows(figures, new Row("Los Angeles", "CA", "213 310", 1, 1, 3, 2));
    }

    [Test]
    public void Rows_sort_by_daily_average_descending_then_region_then_state()
    {
        // 5 weekdays. New York 12 dials: ceil(12 / 5) = 3 a day. Los Angeles 8: 2 a day.
        // Springfield MO 1, Springfield IL 2, toll-free 1: 1 a day each, so by region ("Springfield" < "Toll-Free"),
        // then state ("IL" < "MO"). Chicago only has an ANI: 0 a day, last.
        var figures = Calculate(
            Basis(),
            [Dials("nanp:417", 1), Dials("nanp:800", 1), Dials("nanp:213", 8), Dials("nanp:217", 2), Dials("nanp:212", 12)],
            [Anis("nanp:312", 1)]);

        AssertRows(figures,
            new Row("New York", "NY", "212", 3, 0, 3, 3),
            new Row("Los Angeles", "CA", "213", 2, 0, 3, 3),
            new Row("Springfield", "IL", "217", 1, 0, 3, 3),
            new Row("Springfield", "MO", "417", 1, 0, 3, 3),
            new Row("Toll-Free", "TF", "800", 1, 0, 2, 2),
            new Row("Chicago", "IL", "312", 0, 1, 0, -1));
    }

    [Test]
    public void Totals_sum_the_rows_and_compare_proposed_with_current_anis()
    {
        // The US functional scenario, 5 weekdays, BETTER 75:
        // New York 12 dials (4 contacts): 3 a day -> 3 proposed, no ANI: +3.
        // Los Angeles 8 dials (3 contacts): 2 a day -> 3 proposed, 2 ANIs: +1.
        // Toll-free 3 dials: 1 a day -> 2 proposed, 1 ANI: +1. Chicago: 1 ANI, no dials: 0 proposed, -1.
        var figures = Calculate(
            Basis(),
            [Dials("nanp:212", 12, 4), Dials("nanp:213", 8, 3), Dials("nanp:800", 3)],
            [Anis("nanp:213", 2), Anis("nanp:800", 1), Anis("nanp:312", 1)]);

        // Dials 12 + 8 + 3 = 23; contacts 4 + 3 = 7; 700 / 23 = 30.43 -> 30.4. ANIs 0 + 2 + 1 + 1 = 4;
        // proposed 3 + 3 + 2 + 0 = 8; 8 - 4 = 4. Nothing unmapped; a US plan recommends no toll-free number.
        Assert.That(TotalsOf(figures), Is.EqualTo(new Totals(
            Dials: 23, Contacts: 7, ContactRate: 30.4m, CurrentAnis: 4, ProposedAnis: 8, AniDifference: 4, UnmappedDials: 0, TollFree: 0)));
    }

    [Test]
    public void Dials_that_fit_no_row_are_unmapped_and_left_out_of_the_totals()
    {
        // A US plan: 213 is the only row (5 dials, 1 contact: 1 a day -> 3). Unmapped: non-geographic 900 (2 dials,
        // its contact is not counted), the Bahamas' 242 (3), no area (4), a key the reference data lacks (1)
        // and London, a UK code (6): 2 + 3 + 4 + 1 + 6 = 16. ANIs in areas without a row are not counted either.
        var figures = Calculate(
            Basis(),
            [Dials("nanp:213", 5, 1), Dials("nanp:900", 2, 1), Dials("nanp:242", 3), Dials("", 4), Dials("nanp:999", 1), Dials("uk:20", 6)],
            [Anis("nanp:900", 1), Anis("uk:20", 1), Anis("", 1)]);

        AssertRows(figures, new Row("Los Angeles", "CA", "213", 1, 0, 3, 3));
        // Only the 213 row counts: 5 dials, 1 contact, 100 / 5 = 20.0; no ANI; 3 - 0 = 3.
        Assert.That(TotalsOf(figures), Is.EqualTo(new Totals(
            Dials: 5, Contacts: 1, ContactRate: 20.0m, CurrentAnis: 0, ProposedAnis: 3, AniDifference: 3, UnmappedDials: 16, TollFree: 0)));
    }

    [Test]
    public void A_uk_plan_counts_uk_codes_and_mobiles_but_not_freephone_or_nanp_numbers()
    {
        // 5 weekdays, BETTER 75. London 7 dials (3 contacts): 2 a day -> 2; 1 ANI: +1.
        // Mobiles 4 (1 contact): 1 a day -> 2; 2 ANIs: 0. Leeds 3: 1 a day -> 2; no ANI: +2.
        // Freephone 0800 (1 dial, 1 ANI) and Los Angeles (1 dial, 1 ANI) fit no UK row: 2 unmapped.
        var figures = Calculate(
            Basis(PlannerCountry.Uk),
            [Dials("uk:20", 7, 3), Dials("uk:7", 4, 1), Dials("uk:800", 1), Dials("nanp:213", 1), Dials("uk:113", 3)],
            [Anis("uk:20", 1), Anis("uk:7", 2), Anis("uk:800", 1), Anis("nanp:213", 1)]);

        AssertRows(figures,
            new Row("Greater London", "20", "20", 2, 1, 2, 1),
            new Row("Mobile", "7", "7", 1, 2, 2, 0),
            new Row("West Yorkshire", "113", "113", 1, 0, 2, 2));
        // Dials 7 + 4 + 3 = 14; contacts 3 + 1 = 4; 400 / 14 = 28.57 -> 28.6. ANIs 1 + 2 + 0 = 3;
        // proposed 2 + 2 + 2 = 6; 6 - 3 = 3. Toll-free: ceil(6 / 100) = ceil(0.06) = 1.
        Assert.That(TotalsOf(figures), Is.EqualTo(new Totals(
            Dials: 14, Contacts: 4, ContactRate: 28.6m, CurrentAnis: 3, ProposedAnis: 6, AniDifference: 3, UnmappedDials: 2, TollFree: 1)));
    }

    // One weekday, BEST 50, one London ANI.
    // 5000 dials: ceil(5000 / 50) = 100 proposed; ceil(100 / 100) = 1.
    // 5001 dials: ceil(100.02) = 101 proposed; ceil(1.01) = 2.
    // 1 dial: ceil(1 / 50) = 1 -> floor 2 proposed; ceil(0.02) = 1.
    // No dials: 0 proposed; ceil(0) = 0.
    [TestCase(5000, 100, 1)]
    [TestCase(5001, 101, 2)]
    [TestCase(1, 2, 1)]
    [TestCase(0, 0, 0)]
    public void The_uk_toll_free_recommendation_is_one_per_hundred_proposed_anis_rounded_up(long londonDials, int proposed, int tollFree)
    {
        var figures = Calculate(Basis(PlannerCountry.Uk, bizDays: 1, target: 50), [Dials("uk:20", londonDials)], [Anis("uk:20", 1)]);

        Assert.That((figures.TotalProposedAnis, figures.TollFreeRecommendation), Is.EqualTo((proposed, tollFree)));
    }

    // One weekday, BEST 50: 5001 Los Angeles dials propose ceil(5001 / 50) = 101 ANIs, which a UK plan would
    // answer with 2 toll-free numbers; US and Canadian plans recommend none.
    [TestCase(PlannerCountry.Us)]
    [TestCase(PlannerCountry.Ca)]
    public void Only_uk_plans_recommend_toll_free_numbers(PlannerCountry country)
    {
        var figures = Calculate(Basis(country, bizDays: 1, target: 50), [Dials("nanp:213", 5001)]);

        Assert.That((figures.TotalProposedAnis, figures.TollFreeRecommendation), Is.EqualTo((101, 0)));
    }

    // 1 of 16: 6.25 -> 6.3 (half away from zero; the banker's rounding would give 6.2).
    // 3 of 16: 18.75 -> 18.8. 2 of 3: 66.67 -> 66.7. 1 of 4: 25 printed as 25.0. 8 of 8: 100.0.
    [TestCase(16, 1, "6.3")]
    [TestCase(16, 3, "18.8")]
    [TestCase(3, 2, "66.7")]
    [TestCase(4, 1, "25.0")]
    [TestCase(8, 8, "100.0")]
    public void The_contact_rate_rounds_half_away_from_zero_to_one_printed_decimal(long dials, long contacts, string rate)
    {
        var figures = Calculate(Basis(), [Dials("nanp:213", dials, contacts)]);

        Assert.That(figures.OverallContactRate.ToString(CultureInfo.InvariantCulture), Is.EqualTo(rate));
    }

    [Test]
    public void Empty_input_gives_an_empty_plan_with_zero_totals()
    {
        // Nothing to count; a UK plan to show that ceil(0 / 100) = 0 toll-free numbers; 0 dials give a rate of 0.0.
        var figures = Calculate(Basis(PlannerCountry.Uk), []);

        Assert.Multiple(() =>
        {
            Assert.That(figures.RegionStats, Is.Empty);
            Assert.That(TotalsOf(figures), Is.EqualTo(new Totals(
                Dials: 0, Contacts: 0, ContactRate: 0m, CurrentAnis: 0, ProposedAnis: 0, AniDifference: 0, UnmappedDials: 0, TollFree: 0)));
            Assert.That(figures.OverallContactRate.ToString(CultureInfo.InvariantCulture), Is.EqualTo("0.0"));
            Assert.That(figures.MissingZipData, Is.False);
        });
    }

    [Test]
    public void Areas_with_zero_dials_or_zero_anis_add_nothing()
    {
        // 213 has 5 dials (1 a day -> 3); 310 reports 0 dials and 0 ANIs, Toronto 0 dials, 900 (no row) 0 dials:
        // none adds a code, a row or an unmapped dial.
        var figures = Calculate(
            Basis(),
            [Dials("nanp:213", 5), Dials("nanp:310", 0), Dials("nanp:416", 0), Dials("nanp:900", 0)],
            [Anis("nanp:310", 0), Anis("nanp:416", 0)]);

        AssertRows(figures, new Row("Los Angeles", "CA", "213", 1, 0, 3, 3));
        Assert.That(figures.UnmappedDials, Is.EqualTo(0));
    }

    [TestCase(0)]
    [TestCase(-1)]
    public void A_range_without_weekdays_is_refused_since_no_daily_average_exists(int bizDays) =>
        Assert.That(() => Calculate(Basis(bizDays: bizDays), [Dials("nanp:213", 1)]), Throws.InstanceOf<ArgumentOutOfRangeException>());

    [Test]
    public void A_zip_plan_whose_dials_all_lack_a_known_zip_reports_missing_zip_data()
    {
        // 3 dials, all under no area key: nothing counts, all 3 unmapped; the ANI still makes its row.
        var figures = Calculate(Basis(grouping: DialGrouping.Zip), [Dials("", 3, 1)], [Anis("nanp:213", 1)]);

        Assert.Multiple(() =>
        {
            Assert.That(figures.MissingZipData, Is.True);
            Assert.That(figures.UnmappedDials, Is.EqualTo(3));
            Assert.That(figures.TotalDials, Is.EqualTo(0));
        });
        AssertRows(figures, new Row("Los Angeles", "CA", "213", 0, 1, 0, -1));
    }

    [Test]
    public void Missing_zip_data_needs_a_zip_plan_with_dials_and_none_of_them_under_a_zip()
    {
        Assert.Multiple(() =>
        {
            // One dial has a ZIP's area code.
            Assert.That(Calculate(Basis(grouping: DialGrouping.Zip), [Dials("", 3), Dials("nanp:213", 1)]).MissingZipData, Is.False);
            // No dials at all (or only empty counts): no ZIP is missing.
            Assert.That(Calculate(Basis(grouping: DialGrouping.Zip), []).MissingZipData, Is.False);
            Assert.That(Calculate(Basis(grouping: DialGrouping.Zip), [Dials("", 0)]).MissingZipData, Is.False);
            // Only a ZIP plan looks for ZIPs.
            Assert.That(Calculate(Basis(grouping: DialGrouping.AreaCode), [Dials("", 3)]).MissingZipData, Is.False);
            Assert.That(Calculate(Basis(grouping: DialGrouping.Ani), [Dials("", 3)]).MissingZipData, Is.False);
        });
    }
}
