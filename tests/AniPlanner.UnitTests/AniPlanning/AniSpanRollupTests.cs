using System.Globalization;
using AniPlanner.Domain.AniPlanning.Dials;

namespace AniPlanner.UnitTests.AniPlanning;

/// <summary>The per-ANI blocks of days: where a block starts, and a range as blocks and days.</summary>
public sealed class AniSpanRollupTests
{
    private static DateOnly Date(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    // 2026-11-24 is day number 739,943 (days since 0001-01-01): 3 past a multiple of 4, 7 past one of 16, 39 past one of 64.
    [TestCase("2026-11-24", 4, "2026-11-21")]
    [TestCase("2026-11-24", 16, "2026-11-17")]
    [TestCase("2026-11-24", 64, "2026-10-16")]
    [TestCase("2026-11-21", 4, "2026-11-21")] // a block's first day starts it
    [TestCase("0001-01-01", 64, "0001-01-01")]
    public void A_block_starts_on_a_multiple_of_its_span(string day, int span, string start) =>
        Assert.That(AniSpanRollup.StartOf(Date(day), span), Is.EqualTo(Date(start)));

    // Autovacuum's rule: 50 rows and a tenth of the table written since the last analysis; never analysed is stale.
    [TestCase(-1d, 0L, true)]
    [TestCase(0d, 50L, false)]
    [TestCase(0d, 51L, true)]
    [TestCase(1_000_000d, 100_050L, false)]
    [TestCase(1_000_000d, 100_051L, true)]
    public void PostgreSql_analyses_the_per_ani_rollups_when_autovacuum_would(double plannedRows, long writtenSince, bool stale) =>
        Assert.That(AniPlanner.Infrastructure.AniPlanning.PostgreSqlDialStore.AniRollupStatisticsStale(plannedRows, writtenSince), Is.EqualTo(stale));

    [Test]
    public void A_range_is_its_whole_blocks_largest_first_and_days_where_none_fits()
    {
        // Day numbers: 2026-01-10 is 739,625 (1 past a multiple of 4); 2026-02-02 starts a block of 64
        // (739,648) running to 2026-04-06; 2026-05-20 (739,755) ends a block of 4.
        Assert.That(AniSpanRollup.Cover(Date("2026-01-10"), Date("2026-05-20")), Is.EqualTo(new[]
        {
            new SpanRange(1, Date("2026-01-10"), Date("2026-01-12")),
            new SpanRange(4, Date("2026-01-13"), Date("2026-01-13")),
            new SpanRange(16, Date("2026-01-17"), Date("2026-01-17")),
            new SpanRange(64, Date("2026-02-02"), Date("2026-02-02")),
            new SpanRange(16, Date("2026-04-07"), Date("2026-04-23")),
            new SpanRange(4, Date("2026-05-09"), Date("2026-05-17")),
        }));
    }

    [TestCase("2026-05-20", "2026-05-20")] // one day
    [TestCase("2026-05-17", "2026-05-20")] // exactly one block of 4
    [TestCase("2026-05-18", "2026-05-19")] // inside a block of 4: days only
    public void A_short_range_is_a_block_or_its_days(string start, string end)
    {
        var pieces = AniSpanRollup.Cover(Date(start), Date(end));
        var expected = (Date(end).DayNumber - Date(start).DayNumber + 1) == 4
            ? new SpanRange(4, Date(start), Date(start))
            : new SpanRange(1, Date(start), Date(end));
        Assert.That(pieces, Is.EqualTo(new[] { expected }));
    }

    /// <summary>Every start over four months and lengths from 1 to 366 days, against the days themselves.</summary>
    [Test]
    public void Every_day_of_a_range_is_in_exactly_one_aligned_piece()
    {
        int[] lengths = [1, 2, 3, 4, 5, 7, 8, 15, 16, 17, 29, 30, 31, 63, 64, 65, 90, 127, 128, 129, 200, 365, 366];
        var first = Date("2026-01-01");
        for (var offset = 0; offset < 128; offset++)
        {
            foreach (var length in lengths)
            {
                var start = first.AddDays(offset);
                var end = start.AddDays(length - 1);
                var days = new List<int>();
                foreach (var piece in AniSpanRollup.Cover(start, end))
                {
                    Assert.That(piece.Span == 1 || AniSpanRollup.Spans.Contains(piece.Span), $"{start}..{end}: span {piece.Span}");
                    Assert.That(piece.FirstStart.DayNumber % piece.Span, Is.Zero, $"{start}..{end}: {piece}");
                    Assert.That(piece.LastStart.DayNumber % piece.Span, Is.Zero, $"{start}..{end}: {piece}");
                    for (var block = piece.FirstStart.DayNumber; block <= piece.LastStart.DayNumber; block += piece.Span)
                    {
                        days.AddRange(Enumerable.Range(block, piece.Span));
                    }
                }

                Assert.That(days, Is.EqualTo(Enumerable.Range(start.DayNumber, length)), $"{start}..{end}");
            }
        }
    }

    /// <summary>
    /// What the usage read's cost rests on, over every alignment of 30 days: at most 12 rows per ANI
    /// (e.g. a range starting just after a block of 16 and ending just before one), about 7.
    /// </summary>
    [Test]
    public void Thirty_days_are_at_most_twelve_rows_per_ani_and_about_seven()
    {
        var rows = Enumerable.Range(0, 64).Select(offset =>
        {
            var start = Date("2026-01-01").AddDays(offset);
            return AniSpanRollup.Cover(start, start.AddDays(29))
                .Sum(piece => piece.Span == 1 ? piece.LastStart.DayNumber - piece.FirstStart.DayNumber + 1 : ((piece.LastStart.DayNumber - piece.FirstStart.DayNumber) / piece.Span) + 1);
        }).ToList();
        Assert.That(rows.Max(), Is.EqualTo(12));
        Assert.That(rows.Average(), Is.InRange(6.5, 7.5));
    }
}
