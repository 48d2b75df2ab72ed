using AniPlanner.Application.AniPlanning.GeneratePlan;
using AniPlanner.Domain.AniPlanning.Dials;

namespace AniPlanner.UnitTests.AniPlanning;

public sealed class PlanOptionsTests
{
    [Test]
    public void The_default_range_is_the_first_of_the_month_through_yesterday() =>
        Assert.That(PlanOptions.Range(null, null, new DateOnly(2026, 5, 20)), Is.EqualTo((new DateOnly(2026, 5, 1), new DateOnly(2026, 5, 19))));

    [Test]
    public void On_the_first_the_default_range_is_the_whole_previous_month()
    {
        Assert.That(PlanOptions.Range(null, null, new DateOnly(2026, 5, 1)), Is.EqualTo((new DateOnly(2026, 4, 1), new DateOnly(2026, 4, 30))));
        Assert.That(PlanOptions.Range(null, null, new DateOnly(2026, 1, 1)), Is.EqualTo((new DateOnly(2025, 12, 1), new DateOnly(2025, 12, 31))));
    }

    [Test]
    public void A_given_date_replaces_only_its_own_default() =>
        Assert.That(PlanOptions.Range("2026-05-04", null, new DateOnly(2026, 5, 20)), Is.EqualTo((new DateOnly(2026, 5, 4), new DateOnly(2026, 5, 19))));

    // May 2026: the 1st is a Friday. 1..28 = Fri 1, then Mon 4 .. Thu 28: 1 + 5 + 5 + 5 + 4 = 20 weekdays.
    [TestCase("2026-05-01", "2026-05-28", 20)]
    [TestCase("2026-05-02", "2026-05-03", 0)]
    [TestCase("2026-05-04", "2026-05-04", 1)]
    [TestCase("2026-05-01", "2026-05-31", 21)]
    public void Biz_days_count_weekdays_inclusively(string start, string end, int weekdays) =>
        Assert.That(PlanOptions.Weekdays(DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture)), Is.EqualTo(weekdays));

    private static readonly DateOnly Today = new(2026, 5, 20);

    private static GeneratePlan Request(
        string? dateStart = null, string? dateEnd = null, string? dailyDialsTarget = null, string? groupBy = null, string? inventoryMode = null) =>
        new(Guid.NewGuid(), dateStart, dateEnd, dailyDialsTarget, groupBy, inventoryMode, null, null);

    [Test]
    public void Parse_fills_in_the_contract_defaults()
    {
        // Wed 20 May 2026: Fri 1 through Tue 19 May, weekdays 1 + 5 + 5 + 2 = 13.
        var options = PlanOptions.Parse(Request(), Today);

        Assert.Multiple(() =>
        {
            Assert.That((options.Start, options.End, options.BizDays), Is.EqualTo((new DateOnly(2026, 5, 1), new DateOnly(2026, 5, 19), 13)));
            Assert.That(options.DailyDialsTarget, Is.EqualTo(new Choice<int>("BETTER", 75)));
            Assert.That(options.GroupBy, Is.EqualTo(new Choice<DialGrouping>("area_code", DialGrouping.AreaCode)));
            Assert.That(options.InventoryMode, Is.EqualTo(new Choice<bool>("managed", true)));
            Assert.That(options.ManagedAnisOnly, Is.True);
        });
    }

    [Test]
    public void Parse_reads_each_given_option_once_into_its_typed_value()
    {
        // Mon 4 .. Fri 8 May: 5 weekdays.
        var options = PlanOptions.Parse(Request("2026-05-04", "2026-05-08", "BEST", "zip", "all"), Today);

        Assert.Multiple(() =>
        {
            Assert.That((options.Start, options.End, options.BizDays), Is.EqualTo((new DateOnly(2026, 5, 4), new DateOnly(2026, 5, 8), 5)));
            Assert.That(options.DailyDialsTarget, Is.EqualTo(new Choice<int>("BEST", 50)));
            Assert.That(options.GroupBy, Is.EqualTo(new Choice<DialGrouping>("zip", DialGrouping.Zip)));
            Assert.That(options.InventoryMode, Is.EqualTo(new Choice<bool>("all", false)));
            Assert.That(options.ManagedAnisOnly, Is.False);
        });
    }

    // The validator and Parse read options by the same functions: what one refuses the other cannot read.
    [TestCase("2026-5-4", null, null, null)]
    [TestCase("2026-02-30", null, null, null)]
    [TestCase("2026-05-04", "best", null, null)]
    [TestCase("2026-05-04", "75", null, null)]
    [TestCase("2026-05-04", null, "AREA_CODE", null)]
    [TestCase("2026-05-04", null, "prospect", null)]
    [TestCase("2026-05-04", null, null, "active")]
    public void A_value_the_validator_refuses_is_one_parse_cannot_read(string dateStart, string? dailyDialsTarget, string? groupBy, string? inventoryMode)
    {
        var request = Request(dateStart, "2026-05-08", dailyDialsTarget, groupBy, inventoryMode);

        Assert.Multiple(() =>
        {
            Assert.That(new GeneratePlanValidator(TimeProvider.System).Validate(request).IsValid, Is.False);
            Assert.That(() => PlanOptions.Parse(request, Today), Throws.InvalidOperationException);
        });
    }

    [Test]
    public void Messages_list_the_values_an_option_takes_in_contract_order() =>
        Assert.That(
            new[] { PlanOptions.DailyDialsTargets.Allowed, PlanOptions.GroupBys.Allowed, PlanOptions.InventoryModes.Allowed },
            Is.EqualTo(new[] { "\"BEST\", \"BETTER\", \"GOOD\"", "\"area_code\", \"ani\", \"zip\"", "\"managed\", \"all\"" }));
}
