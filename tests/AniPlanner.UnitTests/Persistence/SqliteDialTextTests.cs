using System.Globalization;
using AniPlanner.Infrastructure.AniPlanning;

namespace AniPlanner.UnitTests.Persistence;

/// <summary>The SQLite dial store writes times and days exactly as EF Core's format strings do, so EF reads them back.</summary>
public sealed class SqliteDialTextTests
{
    [TestCase("2026-05-04T21:03:00")]
    [TestCase("0001-01-01T00:00:00")]
    [TestCase("9999-12-31T23:59:59")]
    [TestCase("2026-05-04T21:03:00.5")]
    [TestCase("2026-05-04T21:03:00.0000001")]
    [TestCase("2026-05-04T21:03:00.1234560")]
    public void Times_are_written_as_the_format_string_writes_them(string iso)
    {
        var utc = DateTime.Parse(iso, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);

        Assert.That(SqliteDialStore.TimeText(utc), Is.EqualTo(utc.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture)));
    }

    [TestCase(2026, 5, 4)]
    [TestCase(1, 1, 1)]
    [TestCase(9999, 12, 31)]
    public void Days_are_written_as_the_format_string_writes_them(int year, int month, int day)
    {
        var date = new DateOnly(year, month, day);

        Assert.That(SqliteDialStore.DayText(date), Is.EqualTo(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
    }
}
