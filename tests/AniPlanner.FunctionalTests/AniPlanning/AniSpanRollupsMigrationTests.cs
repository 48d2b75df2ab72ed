using System.Globalization;
using AniPlanner.FunctionalTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AniPlanner.FunctionalTests.AniPlanning;

/// <summary>
/// Upgrading a database whose per-ANI, per-day rollup holds rows: the blocks of 4, 16 and 64 days
/// are summed from it, each with its busiest day, so the usage read orders ANIs from them at once.
/// </summary>
[TestFixture(DatabaseKind.Sqlite)]
[TestFixture(DatabaseKind.SqlServer)]
[TestFixture(DatabaseKind.PostgreSql)]
public sealed class AniSpanRollupsMigrationTests(DatabaseKind kind)
{
    private static readonly Guid Company = Guid.Parse("5d1c2b7e-3f0a-4c55-8e2d-9a7b6c5d4e3f");

    [Test]
    public async Task Existing_days_are_summed_into_blocks_with_their_busiest_day()
    {
        var (database, reason) = await TestDatabase.TryCreateAsync(kind);
        if (database is null)
        {
            Assert.Ignore(reason);
        }

        await using var fresh = database;
        await using var context = fresh.NewContext();
        await TestDatabase.MigrateToJustBeforeAsync(context, "AniSpanRollups");

        // Day numbers (days since 0001-01-01): 30 March 2026 is 739,704, a multiple of 4 (and 8 past one of 16,
        // 56 past one of 64); so 30 March .. 2 April is a block of 4, 3 April starts the next, 22 March
        // starts the block of 16 and 2 February the block of 64 that hold them all.
        foreach (var (day, ani, dials) in new[]
        {
            ("2026-03-30", "+12135550100", 5L),
            ("2026-04-02", "+12135550100", 7L),
            ("2026-04-03", "+12135550100", 2L),
            ("2026-04-03", "+12125550101", 3L),
        })
        {
            await context.Database.ExecuteSqlAsync(
                $"""
                INSERT INTO "AniDayRollups" ("CustomerId", "Day", "AniNumber", "Dials", "Contacts")
                VALUES ({Company}, {DateOnly.Parse(day, CultureInfo.InvariantCulture)}, {ani}, {dials}, {1L})
                """);
        }

        await context.Database.MigrateAsync();

        var blocks = await context.AniSpanRollups.AsNoTracking().Where(block => block.CustomerId == Company)
            .OrderBy(block => block.Span).ThenBy(block => block.Start).ThenBy(block => block.AniNumber)
            .Select(block => $"{block.Span} {block.Start:yyyy-MM-dd} {block.AniNumber} {block.Dials}/{block.PeakDailyDials}")
            .ToListAsync();
        Assert.That(blocks, Is.EqualTo(new[]
        {
            "4 2026-03-30 +12135550100 12/7",
            "4 2026-04-03 +12125550101 3/3",
            "4 2026-04-03 +12135550100 2/2",
            "16 2026-03-22 +12125550101 3/3",
            "16 2026-03-22 +12135550100 14/7",
            "64 2026-02-02 +12125550101 3/3",
            "64 2026-02-02 +12135550100 14/7",
        }));
    }
}
