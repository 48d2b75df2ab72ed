using AniPlanner.Domain.AniPlanning.Campaigns;
using AniPlanner.Domain.AniPlanning.Dials;
using AniPlanner.Infrastructure.AniPlanning;
using AniPlanner.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace AniPlanner.UnitTests.Persistence;

/// <summary>
/// Call ids and campaign identifiers compare exactly (binary, case-sensitive) on every provider:
/// "ABC" and "abc" are two calls and two campaigns. SQLite's default (BINARY) already does;
/// SQL Server's default collation ignores case, so those columns say otherwise there.
/// </summary>
public sealed class IdentifierCollationTests
{
    private const string Binary = "Latin1_General_100_BIN2";

    /// <summary>What the staging table's text columns are compared with or written to.</summary>
    private static readonly Dictionary<string, (Type Entity, string Property)> StagingColumnTargets = new(StringComparer.Ordinal)
    {
        ["CallId"] = (typeof(Dial), nameof(Dial.CallId)),
        ["ProspectNumber"] = (typeof(Dial), nameof(Dial.ProspectNumber)),
        ["AniNumber"] = (typeof(Dial), nameof(Dial.AniNumber)),
        ["ProspectZip"] = (typeof(Dial), nameof(Dial.ProspectZip)),
        ["ProspectKey"] = (typeof(DialRollup), nameof(DialRollup.AreaKey)),
        ["AniKey"] = (typeof(DialRollup), nameof(DialRollup.AreaKey)),
        ["ZipKey"] = (typeof(DialRollup), nameof(DialRollup.AreaKey)),
    };

    [Test]
    public void SqlServer_compares_identifiers_in_binary()
    {
        var model = SqlServerModel();

        Assert.Multiple(() =>
        {
            Assert.That(Collation(model, typeof(Dial), nameof(Dial.CallId)), Is.EqualTo(Binary));
            Assert.That(Collation(model, typeof(Campaign), nameof(Campaign.InternalIdentifier)), Is.EqualTo(Binary));
        });
    }

    [Test]
    public void Sqlite_keeps_its_binary_default()
    {
        using var context = new SqliteDesignTimeFactory().CreateDbContext([]);
        var model = context.GetService<IDesignTimeModel>().Model;

        Assert.Multiple(() =>
        {
            Assert.That(Collation(model, typeof(Dial), nameof(Dial.CallId)), Is.Null);
            Assert.That(Collation(model, typeof(Campaign), nameof(Campaign.InternalIdentifier)), Is.Null);
        });
    }

    [Test]
    public void Each_staging_column_has_the_collation_of_the_column_it_meets()
    {
        // Left out, a #temp column takes tempdb's collation and comparing it fails (error 468).
        var model = SqlServerModel();
        var staging = TSql.All<CreateTableStatement>(TSql.Parse(SqlServerDialStore.CreateStaging, out _)).Single();
        var textColumns = staging.Definition.ColumnDefinitions
            .Where(column => column.DataType is SqlDataTypeReference { SqlDataTypeOption: SqlDataTypeOption.NVarChar or SqlDataTypeOption.VarChar })
            .ToDictionary(column => column.ColumnIdentifier.Value, column => column.Collation?.Value, StringComparer.Ordinal);

        Assert.That(textColumns.Keys, Is.EquivalentTo(StagingColumnTargets.Keys), "every text column of the staging table is listed here");
        Assert.Multiple(() =>
        {
            foreach (var (column, (entity, property)) in StagingColumnTargets)
            {
                Assert.That(textColumns[column], Is.EqualTo(Collation(model, entity, property) ?? "DATABASE_DEFAULT"), column);
            }
        });
    }

    private static IModel SqlServerModel()
    {
        using var context = new SqlServerDesignTimeFactory().CreateDbContext([]);

        // The design-time model: the runtime one does not keep the collation (EF throws when asked).
        return context.GetService<IDesignTimeModel>().Model;
    }

    private static string? Collation(IModel model, Type entity, string property) =>
        model.FindEntityType(entity)!.FindProperty(property)!.GetCollation();
}
