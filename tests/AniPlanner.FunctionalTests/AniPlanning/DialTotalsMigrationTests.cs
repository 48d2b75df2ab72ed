using System.Globalization;
using AniPlanner.Domain.AniPlanning.Dials;
using AniPlanner.FunctionalTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AniPlanner.FunctionalTests.AniPlanning;

/// <summary>
/// Upgrading a database that already holds dials: the totals of every campaign, by the day and by
/// the week, are summed from the rollup by campaign, so plans read them at once.
/// </summary>
[TestFixture(DatabaseKind.Sqlite)]
[TestFixture(DatabaseKind.SqlServer)]
[TestFixture(DatabaseKind.PostgreSql)]
public sealed class DialTotalsMigrationTests(DatabaseKind kind)
{
    private static readonly Guid Company = Guid.Parse("0b0e7a4c-58a1-4d3e-9b1f-2f5b7f2b6c11");

    [Test]
    public async Task Existing_rollups_are_summed_by_day_and_by_week_across_campaigns()
    {
        var (database, reason) = await TestDatabase.TryCreateAsync(kind);
        if (database is null)
        {
            Assert.Ignore(reason);
        }

        await using var fresh = database;
        await using var context = fresh.NewContext();
        await TestDatabase.MigrateToJustBeforeAsync(context, "DialTotals");

        // Sun 3 May (the week of Mon 27 April), Mon 4 May twice (two campaigns), Sun 10 May, and an ANI-grouped Tue 5 May.
        foreach (var (grouping, day, campaign, area, dials, contacts) in new[]
        {
            (0, "2026-05-03", 1, "nanp:213", 5, 1),
            (0, "2026-05-04", 1, "nanp:213", 7, 2),
            (0, "2026-05-04", 2, "nanp:213", 11, 3),
            (0, "2026-05-10", 2, "nanp:213", 13, 4),
            (1, "2026-05-05", 1, "nanp:310", 17, 5),
        })
        {
            await context.Database.ExecuteSqlAsync(
                $"""
                INSERT INTO "DialRollups" ("CustomerId", "Grouping", "Day", "CampaignId", "AreaKey", "Dials", "Contacts")
                VALUES ({Company}, {grouping}, {DateOnly.Parse(day, CultureInfo.InvariantCulture)}, {(long)campaign}, {area}, {(long)dials}, {(long)contacts})
                """);
        }

        await context.Database.MigrateAsync();

        var totals = await context.DialTotals.AsNoTracking().Where(total => total.CustomerId == Company)
            .OrderBy(total => total.Grouping).ThenBy(total => total.Period).ThenBy(total => total.Start)
            .Select(total => $"{total.Grouping} {total.Period} {total.Start:yyyy-MM-dd} {total.AreaKey} {total.Dials}/{total.Contacts}")
            .ToListAsync();
        Assert.That(totals, Is.EqualTo(new[]
        {
            $"{DialGrouping.AreaCode} {DialPeriod.Day} 2026-05-03 nanp:213 5/1",
            $"{DialGrouping.AreaCode} {DialPeriod.Day} 2026-05-04 nanp:213 18/5",
            $"{DialGrouping.AreaCode} {DialPeriod.Day} 2026-05-10 nanp:213 13/4",
            $"{DialGrouping.AreaCode} {DialPeriod.Week} 2026-04-27 nanp:213 5/1",
            $"{DialGrouping.AreaCode} {DialPeriod.Week} 2026-05-04 nanp:213 31/9",
            $"{DialGrouping.Ani} {DialPeriod.Day} 2026-05-05 nanp:310 17/5",
            $"{DialGrouping.Ani} {DialPeriod.Week} 2026-05-04 nanp:310 17/5",
        }));
    }
}
