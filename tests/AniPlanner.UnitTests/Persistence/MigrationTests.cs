using AniPlanner.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace AniPlanner.UnitTests.Persistence;

/// <summary>Every provider's migrations match the model; no server is needed to check.</summary>
public sealed class MigrationTests
{
    [Test]
    public void Sqlite_migrations_match_the_model()
    {
        using var context = new SqliteDesignTimeFactory().CreateDbContext([]);

        Assert.That(context.Database.HasPendingModelChanges(), Is.False, "run: dotnet ef migrations add <Name> --context SqliteAniPlannerDbContext ...");
    }

    [Test]
    public void SqlServer_migrations_match_the_model()
    {
        using var context = new SqlServerDesignTimeFactory().CreateDbContext([]);

        Assert.That(context.Database.HasPendingModelChanges(), Is.False, "run: dotnet ef migrations add <Name> --context SqlServerAniPlannerDbContext ...");
    }

    [Test]
    public void PostgreSql_migrations_match_the_model()
    {
        using var context = new PostgreSqlDesignTimeFactory().CreateDbContext([]);

        Assert.That(context.Database.HasPendingModelChanges(), Is.False, "run: dotnet ef migrations add <Name> --context PostgreSqlAniPlannerDbContext ...");
    }

    [Test]
    public void The_PostgreSql_script_generates_without_a_server()
    {
        using var context = new PostgreSqlDesignTimeFactory().CreateDbContext([]);

        var script = context.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        Assert.That(script, Does.Contain("CREATE TABLE \"Outplans\"").And.Contain("CREATE TABLE \"Dials\"").And.Contain("CREATE UNIQUE INDEX \"IX_AccessKeys_TokenHash\""));
    }

    [Test]
    public void The_SqlServer_script_generates_without_a_server()
    {
        using var context = new SqlServerDesignTimeFactory().CreateDbContext([]);

        var script = context.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        Assert.That(script, Does.Contain("CREATE TABLE [Outplans]").And.Contain("CREATE TABLE [AccessKeys]").And.Contain("CREATE UNIQUE INDEX [IX_AccessKeys_TokenHash]"));
    }

    [Test]
    public void Sqlite_migrations_build_the_schema_from_nothing()
    {
        var options = new DbContextOptionsBuilder<SqliteAniPlannerDbContext>().UseSqlite("Data Source=:memory:").Options;
        using var context = new SqliteAniPlannerDbContext(options);
        context.Database.OpenConnection();

        context.Database.Migrate();

        Assert.That(context.Database.GetAppliedMigrations(), Is.EquivalentTo(context.Database.GetMigrations()));
        Assert.That(context.Outplans.Count(), Is.Zero);
    }
}
