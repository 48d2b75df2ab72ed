using AniPlanner.FunctionalTests.Infrastructure;
using AniPlanner.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;

namespace AniPlanner.FunctionalTests.Hosting;

/// <summary>The start-up log says what the start did to the database: created, migrated, or nothing.</summary>
public sealed class DatabaseStartupLogTests
{
    [Test]
    public async Task A_fresh_database_is_created_and_a_second_start_finds_it_current()
    {
        await using var database = new SqliteTestDatabase();

        await using (var first = new AniPlannerFactory(database))
        {
            first.CreateClient().Dispose();
            var all = Migrations(first);
            Assert.That(DatabaseLines(first), Is.EqualTo(new[] { $"Database created (Sqlite): no migration had been applied; applied all {all.Count}, up to {all[^1]}" }));
        }

        await using var second = new AniPlannerFactory(database);
        second.CreateClient().Dispose();
        var migrations = Migrations(second);
        Assert.That(DatabaseLines(second), Is.EqualTo(new[] { $"Database schema is current (Sqlite): {migrations.Count} migrations applied, the last {migrations[^1]}; nothing to do" }));
    }

    [Test]
    public async Task A_database_behind_is_migrated_by_the_named_pending_migrations()
    {
        await using var database = new SqliteTestDatabase();
        List<string> all;
        await using (var behind = new AniPlannerFactory(database, new Dictionary<string, string?> { ["Database:MigrateOnStartup"] = "false" }))
        {
            behind.CreateClient().Dispose();
            all = Migrations(behind);
            await using var scope = behind.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<AniPlannerDbContext>().GetService<IMigrator>().MigrateAsync(all[^3]);
        }

        await using var factory = new AniPlannerFactory(database);
        factory.CreateClient().Dispose();

        Assert.That(DatabaseLines(factory), Is.EqualTo(new[] { $"Database migrated (Sqlite): applied 2 pending migration(s): {all[^2]}, {all[^1]}" }));
    }

    private static List<string> Migrations(AniPlannerFactory factory)
    {
        using var scope = factory.Services.CreateScope();
        return scope.ServiceProvider.GetRequiredService<AniPlannerDbContext>().Database.GetMigrations().ToList();
    }

    private static List<string> DatabaseLines(AniPlannerFactory factory) =>
        factory.Logs.Lines
            .Where(line => line.Contains(nameof(DatabaseInitializer), StringComparison.Ordinal))
            .Select(line => line[(line.IndexOf(": ", StringComparison.Ordinal) + 2)..].TrimEnd())
            .ToList();
}
