using AniPlanner.Domain.AniPlanning.Dials;

namespace AniPlanner.UnitTests.Domain;

/// <summary>May 2026: Fri 1, Sun 3, Mon 4, Sun 10, Mon 11, Mon 18, Mon 25, Sun 31.</summary>
public sealed class DialPeriodsTests
{
    private static DateOnly May(int day) => new(2026, 5, day);

    [Test]
    public void Every_day_of_a_week_starts_on_its_monday()
    {
        var days = Enumerable.Range(4, 7).Select(May);

        Assert.That(days.Select(DialPeriods.WeekStart), Is.All.EqualTo(May(4)));
        Assert.That(DialPeriods.WeekStart(May(3)), Is.EqualTo(new DateOnly(2026, 4, 27)));
    }

    [Test]
    public void A_month_reads_its_first_days_by_the_day_and_its_whole_weeks_by_the_week() =>
        Assert.That(DialPeriods.Cover(May(1), May(31)), Is.EqualTo(new[]
        {
            (DialPeriod.Day, May(1), May(3)),
            (DialPeriod.Week, May(4), May(25)),
        }));

    [Test]
    public void Days_either_side_of_the_whole_weeks_are_read_by_the_day() =>
        Assert.That(DialPeriods.Cover(May(6), May(19)), Is.EqualTo(new[]
        {
            (DialPeriod.Day, May(6), May(10)),
            (DialPeriod.Week, May(11), May(11)),
            (DialPeriod.Day, May(18), May(19)),
        }));

    [TestCase(4, 10, DialPeriod.Week, 4, 4, TestName = "Monday to Sunday is one week")]
    [TestCase(5, 11, DialPeriod.Day, 5, 11, TestName = "Seven days without a whole week are days")]
    [TestCase(20, 20, DialPeriod.Day, 20, 20, TestName = "One day is a day")]
    public void A_range_of_one_part(int from, int to, DialPeriod period, int first, int last) =>
        Assert.That(DialPeriods.Cover(May(from), May(to)), Is.EqualTo(new[] { (period, May(first), May(last)) }));

    [Test]
    public void The_ends_of_the_calendar_are_covered()
    {
        var last = DateOnly.MaxValue; // Friday 9999-12-31
        var first = DateOnly.MinValue; // Monday 0001-01-01

        Assert.Multiple(() =>
        {
            Assert.That(DialPeriods.Cover(last.AddDays(-1), last), Is.EqualTo(new[] { (DialPeriod.Day, last.AddDays(-1), last) }));
            Assert.That(DialPeriods.Cover(last.AddDays(-20), last), Is.EqualTo(new[]
            {
                (DialPeriod.Day, last.AddDays(-20), last.AddDays(-19)),
                (DialPeriod.Week, last.AddDays(-18), last.AddDays(-11)),
                (DialPeriod.Day, last.AddDays(-4), last),
            }));
            Assert.That(DialPeriods.Cover(first, first.AddDays(6)), Is.EqualTo(new[] { (DialPeriod.Week, first, first) }));
        });
    }

    [Test]
    public void A_range_ending_before_it_starts_reads_nothing() =>
        Assert.That(DialPeriods.Cover(May(10), May(9)), Is.Empty);

    [Test]
    public void Every_range_is_covered_day_for_day_exactly_once()
    {
        var start = new DateOnly(2026, 1, 1);
        for (var offset = 0; offset < 14; offset++)
        {
            for (var length = 1; length <= 70; length++)
            {
                var from = start.AddDays(offset);
                var to = from.AddDays(length - 1);
                var covered = DialPeriods.Cover(from, to).SelectMany(Days).ToList();

                Assert.That(covered, Is.EqualTo(Enumerable.Range(0, length).Select(from.AddDays)), $"{from}..{to}");
            }
        }
    }

    /// <summary>The days a part counts: each start, or each Monday's seven days.</summary>
    private static IEnumerable<DateOnly> Days((DialPeriod Period, DateOnly First, DateOnly Last) part)
    {
        var step = part.Period == DialPeriod.Week ? 7 : 1;
        for (var start = part.First; start <= part.Last; start = start.AddDays(step))
        {
            Assert.That(part.Period == DialPeriod.Day || start.DayOfWeek == DayOfWeek.Monday, $"a week part starting {start}");
            for (var day = 0; day < step; day++)
            {
                yield return start.AddDays(day);
            }
        }
    }
}
