using System.Globalization;
using AniPlanner.Infrastructure.Persistence;
using Microsoft.Data.Sqlite;

namespace AniPlanner.UnitTests.Persistence;

/// <summary>
/// Hand-written SQL stores times and days exactly as EF Core's format strings do, so EF reads them
/// back: as text, and as bound by a <see cref="SqliteRowStatement"/> (written into a stack buffer).
/// </summary>
public sealed class SqliteTextTests
{
    private const string EfTimeFormat = "yyyy-MM-dd HH:mm:ss.FFFFFFF";

    [TestCase("2026-05-04T21:03:00")]
    [TestCase("0001-01-01T00:00:00")]
    [TestCase("9999-12-31T23:59:59")]
    [TestCase("2026-05-04T21:03:00.5")]
    [TestCase("2026-05-04T21:03:00.0000001")]
    [TestCase("2026-05-04T21:03:00.1234560")]
    public void Times_are_written_as_the_format_string_writes_them(string iso)
    {
        var utc = DateTime.Parse(iso, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);

        Assert.That(SqliteText.Time(utc), Is.EqualTo(utc.ToString(EfTimeFormat, CultureInfo.InvariantCulture)));
    }

    [TestCase(2026, 5, 4)]
    [TestCase(1, 1, 1)]
    [TestCase(9999, 12, 31)]
    public void Days_are_written_as_the_format_string_writes_them(int year, int month, int day)
    {
        var date = new DateOnly(year, month, day);

        Assert.That(SqliteText.Day(date), Is.EqualTo(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
    }

    [Test]
    public void A_row_statement_stores_times_days_numbers_and_texts_as_ef_core_would()
    {
        var random = new Random(20261125);
        var times = Enumerable.Range(0, 2_000)
            .Select(index => new DateTime(random.NextInt64(DateTime.MinValue.Ticks, DateTime.MaxValue.Ticks), DateTimeKind.Utc))
            .Select((time, index) => index % 2 == 0 ? time.AddTicks(-(time.Ticks % TimeSpan.TicksPerSecond)) : time)
            .Append(DateTime.MaxValue.AddTicks(-(DateTime.MaxValue.Ticks % TimeSpan.TicksPerSecond)))
            .ToList();
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        using (var create = connection.CreateCommand())
        {
            create.CommandText = "CREATE TABLE Stored (Time TEXT, Day TEXT, Number INTEGER, Text TEXT NOT NULL)";
            create.ExecuteNonQuery();
        }

        using (var insert = new SqliteRowStatement(connection, "INSERT INTO Stored VALUES (?1, ?2, ?3, ?4)"))
        {
            foreach (var (time, index) in times.Select((time, index) => (time, index)))
            {
                insert.Bind(1, time);
                insert.Bind(2, DateOnly.FromDateTime(time));
                insert.Bind(3, index - 1_000L);
                insert.Bind(4, index % 3 == 0 ? "" : $"é-{index}");
                Assert.That(insert.Execute(), Is.EqualTo(1));
            }
        }

        using var read = connection.CreateCommand();
        read.CommandText = "SELECT Time, Day, Number, Text FROM Stored ORDER BY rowid";
        using var rows = read.ExecuteReader();
        var stored = new List<(string, string, long, string)>();
        while (rows.Read())
        {
            stored.Add((rows.GetString(0), rows.GetString(1), rows.GetInt64(2), rows.GetString(3)));
        }

        Assert.That(stored, Is.EqualTo(times.Select((time, index) => (
            time.ToString(EfTimeFormat, CultureInfo.InvariantCulture),
            DateOnly.FromDateTime(time).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            index - 1_000L,
            index % 3 == 0 ? "" : $"é-{index}"))));
    }

    [Test]
    public void A_row_statement_reports_a_broken_constraint_as_sqlite_does()
    {
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        using (var create = connection.CreateCommand())
        {
            create.CommandText = "CREATE TABLE Keyed (Id INTEGER PRIMARY KEY, Name TEXT NOT NULL UNIQUE)";
            create.ExecuteNonQuery();
        }

        using var insert = new SqliteRowStatement(connection, "INSERT INTO Keyed (Name) VALUES (?1)");
        insert.Bind(1, "once");
        insert.Execute();
        insert.Bind(1, "once");

        var failure = Assert.Throws<SqliteException>(() => insert.Execute());
        Assert.That(failure!.SqliteErrorCode, Is.EqualTo(19), "SQLITE_CONSTRAINT");
        insert.Bind(1, "twice");
        Assert.That(insert.Execute(), Is.EqualTo(1), "the statement is reset after a failure and runs again");
    }
}
