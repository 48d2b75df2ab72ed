using AniPlanner.Domain.Identity;
using AniPlanner.FunctionalTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AniPlanner.FunctionalTests.AniPlanning;

/// <summary>
/// Upgrading a database that already holds campaigns (numbered by one sequence for every
/// company): each company's campaigns become 1..n in the order they were created.
/// </summary>
[TestFixture(DatabaseKind.Sqlite)]
[TestFixture(DatabaseKind.SqlServer)]
[TestFixture(DatabaseKind.PostgreSql)]
public sealed class CampaignNumberMigrationTests(DatabaseKind kind)
{
    [Test]
    public async Task Existing_campaigns_are_numbered_from_1_within_each_company_in_creation_order()
    {
        var (database, reason) = await TestDatabase.TryCreateAsync(kind);
        if (database is null)
        {
            Assert.Ignore(reason);
        }

        await using var fresh = database;
        await using var context = fresh.NewContext();
        await TestDatabase.MigrateToJustBeforeAsync(context, "CampaignNumbers");
        var now = DateTime.UtcNow;
        context.Customers.AddRange(Customer.Create("First", "", now), Customer.Create("Second", "", now));
        await context.SaveChangesAsync();

        // Created alternately, as the old sequence numbered them: a 1, b 2, c 3, d 4, e 5.
        // (No inbound mappings: an empty bigint[] on PostgreSQL, an empty JSON list elsewhere; braces doubled for EF's placeholders.)
        var noInbound = kind == DatabaseKind.PostgreSql ? "'{{}}'" : "'[]'";
        var insert = $$"""
            INSERT INTO "Campaigns" ("CustomerId", "InternalIdentifier", "Name", "Type", "InboundCampaignIds", "TmCreate")
            SELECT "Id", {0}, {0}, 'Outbound', {{noInbound}}, "TmCreate" FROM "Customers" WHERE "Name" = {1}
            """;
        foreach (var (customer, identifier) in new[] { ("First", "a"), ("Second", "b"), ("First", "c"), ("First", "d"), ("Second", "e") })
        {
            await context.Database.ExecuteSqlRawAsync(insert, identifier, customer);
        }

        await context.Database.MigrateAsync();

        var numbers = await context.Campaigns.AsNoTracking().OrderBy(campaign => campaign.InternalIdentifier)
            .Select(campaign => new { campaign.InternalIdentifier, campaign.Number }).ToListAsync();
        Assert.That(numbers.Select(campaign => $"{campaign.InternalIdentifier}{campaign.Number}"), Is.EqualTo(new[] { "a1", "b1", "c2", "d3", "e2" }));
    }
}
