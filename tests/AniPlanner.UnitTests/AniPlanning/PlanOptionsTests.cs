using AniPlanner.Application.AniPlanning.GeneratePlan;

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
}
