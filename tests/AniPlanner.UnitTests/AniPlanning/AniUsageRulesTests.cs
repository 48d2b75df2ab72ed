using System.Globalization;
using AniPlanner.Application.AniPlanning.AniUsage.GetAniUsage;

namespace AniPlanner.UnitTests.AniPlanning;

/// <summary>The usage report's pure rules: its default range, its targets, its one-decimal figures and its CSV cells.</summary>
public sealed class AniUsageRulesTests
{
    private static readonly DateOnly MidJune = new(2026, 6, 15);

    private static DateOnly Date(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    // ---- the range ----------------------------------------------------------------------------

    [TestCase(null, null, "2026-05-16", "2026-06-14")] // 30 days through yesterday
    [TestCase(null, "2026-05-31", "2026-05-02", "2026-05-31")] // 29 days before the given end
    [TestCase("2026-06-01", null, "2026-06-01", "2026-06-14")] // the given start, through yesterday
    [TestCase("2026-05-04", "2026-05-08", "2026-05-04", "2026-05-08")]
    [TestCase(null, "0001-01-10", "0001-01-01", "0001-01-10")] // no 29 days before: the calendar's first day
    public void The_range_defaults_to_the_30_days_through_yesterday(string? dateStart, string? dateEnd, string start, string end) =>
        Assert.That(AniUsageOptions.Range(dateStart, dateEnd, MidJune), Is.EqualTo((Date(start), Date(end))));

    [TestCase("2026-05-16", "2026-06-14", "2026-06-08")] // the last 7 days: the 8th to the 14th
    [TestCase("2026-06-08", "2026-06-14", "2026-06-08")] // exactly 7 days: all of them
    [TestCase("2026-06-12", "2026-06-14", "2026-06-12")] // shorter: the whole range
    [TestCase("0001-01-01", "0001-01-03", "0001-01-01")]
    public void The_recent_rate_counts_the_ranges_last_seven_days(string start, string end, string recentStart) =>
        Assert.That(AniUsageOptions.RecentStart(Date(start), Date(end)), Is.EqualTo(Date(recentStart)));

    // ---- the target ---------------------------------------------------------------------------

    [TestCase(null, "BETTER", 75)]
    [TestCase("BEST", "BEST", 50)]
    [TestCase("BETTER", "BETTER", 75)]
    [TestCase("GOOD", "GOOD", 100)]
    [TestCase("1", "1", 1)]
    [TestCase("60", "60", 60)]
    [TestCase("10000", "10000", 10000)]
    [TestCase("075", "075", 75)] // digits only, leading zeros and all
    public void A_target_is_named_or_a_whole_number(string? given, string name, int dials)
    {
        Assert.That(AniUsageOptions.TryParseTarget(given, out var target), Is.True);
        Assert.That((target.Name, target.Value), Is.EqualTo((name, dials)));
    }

    [TestCase("")]
    [TestCase("better")]
    [TestCase("0")]
    [TestCase("10001")]
    [TestCase("-5")]
    [TestCase("+5")]
    [TestCase(" 5")]
    [TestCase("5 ")]
    [TestCase("7.5")]
    [TestCase("1e3")]
    [TestCase("99999999999")]
    [TestCase("٥")] // an Arabic-Indic five: digits are ASCII only
    public void Anything_else_is_no_target(string given) =>
        Assert.That(AniUsageOptions.TryParseTarget(given, out _), Is.False);

    // ---- the figures --------------------------------------------------------------------------

    [TestCase(0, 0, null)]
    [TestCase(0, 5, "0.0")]
    [TestCase(1, 2, "50.0")] // always one decimal, as JSON writes it
    [TestCase(1, 3, "33.3")]
    [TestCase(2, 3, "66.7")]
    [TestCase(1, 16, "6.3")] // 6.25: half away from zero
    [TestCase(7, 7, "100.0")]
    public void A_contact_rate_is_a_percentage_to_one_decimal(long contacts, long dials, string? rate) =>
        Assert.That(AniUsageFigures.ContactRate(contacts, dials)?.ToString(CultureInfo.InvariantCulture), Is.EqualTo(rate));

    [TestCase(0, 20, "0.0")]
    [TestCase(80, 20, "4.0")]
    [TestCase(1, 20, "0.1")] // 0.05: half away from zero
    [TestCase(10, 3, "3.3")]
    [TestCase(9, 10, "0.9")]
    public void The_daily_average_divides_by_weekdays_to_one_decimal(long dials, int bizDays, string average) =>
        Assert.That(AniUsageFigures.DailyAverage(dials, bizDays).ToString(CultureInfo.InvariantCulture), Is.EqualTo(average));

    [Test]
    public void A_range_without_weekdays_has_no_daily_average() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => AniUsageFigures.DailyAverage(5, 0));

    // ---- the CSV ------------------------------------------------------------------------------

    [TestCase("Los Angeles", "Los Angeles")]
    [TestCase("", "")]
    [TestCase(null, "")]
    [TestCase("+12135550100", "'+12135550100")] // a spreadsheet would run these as formulas
    [TestCase("=HYPERLINK(\"x\")", "\"'=HYPERLINK(\"\"x\"\")\"")]
    [TestCase("-1", "'-1")]
    [TestCase("@SUM(A1)", "'@SUM(A1)")]
    [TestCase("\tx", "'\tx")]
    [TestCase("\rx", "\"'\rx\"")]
    [TestCase("Yukon, Northwest Territories & Nunavut", "\"Yukon, Northwest Territories & Nunavut\"")]
    [TestCase("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [TestCase("two\nlines", "\"two\nlines\"")]
    [TestCase("a=b", "a=b")] // only a first character counts
    public void A_text_cell_is_defused_then_quoted(string? text, string cell) =>
        Assert.That(AniUsageCsv.Text(text), Is.EqualTo(cell));

    [Test]
    public void A_row_is_its_fields_in_the_headers_order()
    {
        var known = new AniUsageDto("+12135550100", "US", "213", "Los Angeles", "CA", "active", true, 10, 3, 30.0m, 4, 1.0m, 4, 1, "2026-05-16", 25.0m);
        var unknown = new AniUsageDto("+33142685307", "FR", "", "", "", null, null, 0, 0, null, 0, 0.0m, 0, 0, null, null);

        Assert.Multiple(() =>
        {
            Assert.That(AniUsageCsv.Line(known), Is.EqualTo("'+12135550100,US,213,Los Angeles,CA,active,true,10,3,30.0,4,1.0,4,1,2026-05-16,25.0\r\n"));
            Assert.That(AniUsageCsv.Line(unknown), Is.EqualTo("'+33142685307,FR,,,,,,0,0,,0,0.0,0,0,,\r\n"));
        });
    }

    [Test]
    public void The_header_names_every_field_of_a_row_in_order()
    {
        // The record's properties, camel-cased as the JSON answer names them.
        var fields = typeof(AniUsageDto).GetConstructors().Single().GetParameters().Select(parameter => char.ToLowerInvariant(parameter.Name![0]) + parameter.Name[1..]);

        Assert.That(string.Join(',', fields) + "\r\n", Is.EqualTo(AniUsageCsv.Header));
    }
}
