using System.Text.RegularExpressions;
using AniPlanner.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.SqlServer.TransactSql.ScriptDom;

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
    public void The_SqlServer_script_is_valid_TSql()
    {
        using var context = new SqlServerDesignTimeFactory().CreateDbContext([]);

        var script = context.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        // GO is sqlcmd's batch separator, not T-SQL: each batch between them is parsed alone.
        var batches = Regex.Split(script, @"^GO\r?$", RegexOptions.Multiline).Where(batch => !string.IsNullOrWhiteSpace(batch)).ToList();
        Assert.That(batches, Has.Count.GreaterThan(1), "the script is split into its batches");
        Assert.Multiple(() =>
        {
            for (var index = 0; index < batches.Count; index++)
            {
                Assert.That(TSql.ParseErrors(batches[index]), Is.Empty, $"batch {index + 1}:{Environment.NewLine}{batches[index]}");
            }
        });
    }

    [Test]
    public void A_SqlServer_collation_change_rebuilds_every_key_and_index_on_the_column()
    {
        // SQL Server refuses to alter the collation of a column a key or an index uses; EF drops
        // and recreates the indexes around it, but not the primary key.
        using var context = new SqlServerDesignTimeFactory().CreateDbContext([]);
        var model = context.GetService<IDesignTimeModel>().Model.GetRelationalModel();
        var migrator = context.GetService<IMigrator>();
        var migrations = context.Database.GetMigrations().ToList();
        var altered = 0;

        Assert.Multiple(() =>
        {
            foreach (var (from, to) in migrations.Zip(migrations.Skip(1)))
            {
                var script = migrator.GenerateScript(from, to);
                foreach (var alter in TSql.All<AlterTableAlterColumnStatement>(TSql.Parse(script, out _)).Where(alter => alter.Collation is not null))
                {
                    altered++;
                    var table = model.FindTable(alter.SchemaObjectName.BaseIdentifier.Value, schema: null)!;
                    var column = alter.ColumnIdentifier.Value;
                    var dependents = table.Indexes.Where(index => index.Columns.Any(c => c.Name == column)).Select(index => index.Name)
                        .Concat(table.UniqueConstraints.Where(key => key.Columns.Any(c => c.Name == column)).Select(key => key.Name))
                        .Distinct();
                    foreach (var name in dependents)
                    {
                        var (before, after) = (script[..alter.StartOffset], script[alter.StartOffset..]);
                        Assert.That(before, Does.Match($@"DROP (INDEX|CONSTRAINT) \[{name}\]"), $"{to}: {name} is dropped before {table.Name}.{column} changes");
                        Assert.That(after, Does.Match($@"(CREATE (UNIQUE )?INDEX|ADD CONSTRAINT) \[{name}\]"), $"{to}: {name} is created again after");
                    }
                }
            }
        });
        Assert.That(altered, Is.GreaterThan(0), "the check found the collation changes to look at");
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
