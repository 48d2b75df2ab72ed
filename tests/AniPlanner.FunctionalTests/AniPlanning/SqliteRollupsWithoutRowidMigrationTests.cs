using System.Globalization;
using AniPlanner.FunctionalTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AniPlanner.FunctionalTests.AniPlanning;

/// <summary>
/// Upgrading a SQLite database that holds rollups and totals: both tables are rebuilt WITHOUT
/// ROWID (one write per upserted cell), every row kept, their covering indexes gone; and back.
/// </summary>
public sealed class SqliteRollupsWithoutRowidMigrationTests
{
    private static readonly Guid Company = Guid.Parse("5d1f0c2a-8e4b-4f6a-9c3d-7a2b1e0f4c55");

    [Test]
    public async Task Rollups_and_totals_keep_every_row_in_tables_without_rowids()
    {
        var (database, reason) = await TestDatabase.TryCreateAsync(DatabaseKind.Sqlite);
        if (database is null)
        {
            Assert.Ignore(reason);
        }

        await using var fresh = database;
        await using var context = fresh.NewContext();
        await TestDatabase.MigrateToJustBeforeAsync(context, "SqliteRollupsWithoutRowid");
        foreach (var (grouping, day, campaign, area, dials, contacts) in new[]
        {
            (0, "2026-05-03", 1L, "nanp:213", 5L, 1L),
            (0, "2026-05-04", 2L, "nanp:213", 7L, 2L),
            (2, "2026-05-04", 1L, "", 11L, 0L),
        })
        {
            var start = DateOnly.Parse(day, CultureInfo.InvariantCulture);
            await context.Database.ExecuteSqlAsync(
                $"""
                INSERT INTO "DialRollups" ("CustomerId", "Grouping", "Day", "CampaignId", "AreaKey", "Dials", "Contacts")
                VALUES ({Company}, {grouping}, {start}, {campaign}, {area}, {dials}, {contacts})
                """);
            await context.Database.ExecuteSqlAsync(
                $"""
                INSERT INTO "DialTotals" ("CustomerId", "Grouping", "Period", "Start", "AreaKey", "Dials", "Contacts")
                VALUES ({Company}, {grouping}, 0, {start}, {area}, {dials}, {contacts})
                """);
        }

        var rollupsBefore = await RowsAsync(context, Rollups);
        var totalsBefore = await RowsAsync(context, Totals);
        await context.Database.MigrateAsync();

        await Assert.MultipleAsync(async () =>
        {
            Assert.That(rollupsBefore, Has.Count.EqualTo(3));
            Assert.That(await RowsAsync(context, Rollups), Is.EqualTo(rollupsBefore));
            Assert.That(await RowsAsync(context, Totals), Is.EqualTo(totalsBefore));
            Assert.That(await ScalarAsync(context, "SELECT group_concat(name || '=' || wr, ',') AS Value FROM (SELECT name, wr FROM pragma_table_list WHERE name IN ('DialRollups', 'DialTotals') ORDER BY name)"),
                Is.EqualTo("DialRollups=1,DialTotals=1"), "both tables are WITHOUT ROWID");
            Assert.That(await ScalarAsync(context, "SELECT CAST(COUNT(*) AS TEXT) AS Value FROM sqlite_master WHERE type = 'index' AND tbl_name IN ('DialRollups', 'DialTotals')"),
                Is.EqualTo("0"), "no index beside the tables' own keys");
        });

        // New cells still add up through the key the import's upsert names.
        await context.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO "DialRollups" ("CustomerId", "Grouping", "Day", "CampaignId", "AreaKey", "Dials", "Contacts")
            VALUES ({Company}, 0, {new DateOnly(2026, 5, 3)}, 1, 'nanp:213', 2, 1)
            ON CONFLICT ("CustomerId", "Grouping", "Day", "CampaignId", "AreaKey") DO UPDATE SET "Dials" = "Dials" + excluded."Dials", "Contacts" = "Contacts" + excluded."Contacts"
            """);
        var rollupsAfter = await RowsAsync(context, Rollups);
        Assert.That(rollupsAfter, Does.Contain("0|2026-05-03|1|nanp:213|7|2"));

        // Down: rowid tables with their covering indexes again, every row kept.
        await TestDatabase.MigrateToJustBeforeAsync(context, "SqliteRollupsWithoutRowid");
        await Assert.MultipleAsync(async () =>
        {
            Assert.That(await RowsAsync(context, Rollups), Is.EqualTo(rollupsAfter));
            Assert.That(await RowsAsync(context, Totals), Is.EqualTo(totalsBefore));
            Assert.That(await ScalarAsync(context, "SELECT group_concat(name || '=' || wr, ',') AS Value FROM (SELECT name, wr FROM pragma_table_list WHERE name IN ('DialRollups', 'DialTotals') ORDER BY name)"),
                Is.EqualTo("DialRollups=0,DialTotals=0"));
            Assert.That(await ScalarAsync(context, "SELECT group_concat(name, ',') AS Value FROM (SELECT name FROM sqlite_master WHERE type = 'index' AND name LIKE 'IX_%' AND tbl_name IN ('DialRollups', 'DialTotals') ORDER BY name)"),
                Is.EqualTo("IX_DialRollups_Covering,IX_DialTotals_Covering"));
        });
    }

    private const string Rollups =
        """SELECT "Grouping" || '|' || "Day" || '|' || "CampaignId" || '|' || "AreaKey" || '|' || "Dials" || '|' || "Contacts" AS Value FROM "DialRollups" ORDER BY 1""";

    private const string Totals =
        """SELECT "Grouping" || '|' || "Period" || '|' || "Start" || '|' || "AreaKey" || '|' || "Dials" || '|' || "Contacts" AS Value FROM "DialTotals" ORDER BY 1""";

    private static Task<List<string>> RowsAsync(DbContext context, string sql) => context.Database.SqlQueryRaw<string>(sql).ToListAsync();

    private static Task<string> ScalarAsync(DbContext context, string sql) => context.Database.SqlQueryRaw<string>(sql).SingleAsync();
}
