using AniPlanner.Domain.AniPlanning.AniInventory;
using AniPlanner.Domain.AniPlanning.Campaigns;
using AniPlanner.Domain.AniPlanning.Dials;
using AniPlanner.Domain.AniPlanning.Regions;
using AniPlanner.Domain.AniPlanning.Settings;
using AniPlanner.Domain.Common;
using AniPlanner.Domain.Identity;
using AniPlanner.Domain.Outplans;
using AniPlanner.Infrastructure.AniPlanning;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace AniPlanner.Infrastructure.Persistence;

/// <summary>
/// The service's one database. Each provider has a subclass only so that it can keep its own
/// migrations (SQLite, SQL Server and PostgreSQL DDL differ); the model is the same.
/// </summary>
public abstract class AniPlannerDbContext(DbContextOptions options) : DbContext(options)
{
    /// <summary>Case-sensitive, binary comparison on SQL Server, for the columns that hold identifiers.</summary>
    public const string SqlServerBinaryCollation = "Latin1_General_100_BIN2";

    public DbSet<Customer> Customers => Set<Customer>();
    public DbSet<AccessKey> AccessKeys => Set<AccessKey>();
    public DbSet<User> Users => Set<User>();
    public DbSet<AuditLog> AuditLogs => Set<AuditLog>();
    public DbSet<Outplan> Outplans => Set<Outplan>();
    public DbSet<Campaign> Campaigns => Set<Campaign>();
    public DbSet<Ani> Anis => Set<Ani>();
    public DbSet<Dial> Dials => Set<Dial>();
    public DbSet<DialRollup> DialRollups => Set<DialRollup>();
    public DbSet<PlannerSettings> PlannerSettings => Set<PlannerSettings>();
    public DbSet<RegionArea> RegionAreas => Set<RegionArea>();
    public DbSet<ZipAreaCode> ZipAreaCodes => Set<ZipAreaCode>();
    public DbSet<UkNumberRange> UkNumberRanges => Set<UkNumberRange>();
    public DbSet<ReferenceDataVersion> ReferenceDataVersions => Set<ReferenceDataVersion>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(AniPlannerDbContext).Assembly);
        if (Database.IsSqlite())
        {
            // SQLite keeps rows apart from their key, so the plan's range scan would look every
            // rollup row up; this index covers the query. (SQL Server's clustered key already does.)
            modelBuilder.Entity<DialRollup>()
                .HasIndex(rollup => new { rollup.CustomerId, rollup.Grouping, rollup.Day, rollup.CampaignId, rollup.AreaKey, rollup.Dials, rollup.Contacts })
                .HasDatabaseName("IX_DialRollups_Covering");

            // SQLite writes a large import in short transactions so other writers are not kept
            // waiting; these say which dials belong to an import that has not committed yet.
            modelBuilder.Entity<SqliteDialImport>(import =>
            {
                import.ToTable(SqliteDialImport.Table);
                import.Property(dialImport => dialImport.Id).HasAnnotation("Sqlite:Autoincrement", true);
            });
            modelBuilder.Entity<Dial>().Property<long?>(SqliteDialImport.DialsColumn);
        }

        if (Database.IsSqlServer())
        {
            // Identifiers compare exactly (binary, case-sensitive), as on SQLite: the default
            // collation ignores case, which made "ABC" and "abc" one call and one campaign.
            modelBuilder.Entity<Dial>().Property(dial => dial.CallId).UseCollation(SqlServerBinaryCollation);
            modelBuilder.Entity<Campaign>().Property(campaign => campaign.InternalIdentifier).UseCollation(SqlServerBinaryCollation);
        }

        if (Database.IsNpgsql())
        {
            // Every import updates rollup rows in place; room on each page lets PostgreSQL keep the
            // new version beside the old (a HOT update: no index entry, dead versions pruned on the
            // page), so plans do not slow down between autovacuum passes.
            modelBuilder.Entity<DialRollup>().HasStorageParameter("fillfactor", 70);
        }
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Every stored time is UTC; SQLite hands DateTimes back without a kind, so restore it.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<NullableUtcDateTimeConverter>();
    }

    private sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
        value => value, value => DateTime.SpecifyKind(value, DateTimeKind.Utc));

    private sealed class NullableUtcDateTimeConverter() : ValueConverter<DateTime?, DateTime?>(
        value => value, value => value == null ? null : DateTime.SpecifyKind(value.Value, DateTimeKind.Utc));
}

public sealed class SqliteAniPlannerDbContext(DbContextOptions<SqliteAniPlannerDbContext> options) : AniPlannerDbContext(options);

public sealed class SqlServerAniPlannerDbContext(DbContextOptions<SqlServerAniPlannerDbContext> options) : AniPlannerDbContext(options);

public sealed class PostgreSqlAniPlannerDbContext(DbContextOptions<PostgreSqlAniPlannerDbContext> options) : AniPlannerDbContext(options);
