using AniPlanner.Domain.AniPlanning.AniInventory;
using AniPlanner.Domain.AniPlanning.Campaigns;
using AniPlanner.Domain.AniPlanning.Dials;
using AniPlanner.Domain.AniPlanning.Dispositions;
using AniPlanner.Domain.AniPlanning.Regions;
using AniPlanner.Domain.AniPlanning.Settings;
using AniPlanner.Domain.Common;
using AniPlanner.Domain.Identity;
using AniPlanner.Domain.Outplans;
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
    public DbSet<DialTotal> DialTotals => Set<DialTotal>();
    public DbSet<AniDayRollup> AniDayRollups => Set<AniDayRollup>();
    public DbSet<AniSpanRollup> AniSpanRollups => Set<AniSpanRollup>();
    public DbSet<Disposition> Dispositions => Set<Disposition>();
    public DbSet<PlannerSettings> PlannerSettings => Set<PlannerSettings>();
    public DbSet<RegionArea> RegionAreas => Set<RegionArea>();
    public DbSet<ZipAreaCode> ZipAreaCodes => Set<ZipAreaCode>();
    public DbSet<UkNumberRange> UkNumberRanges => Set<UkNumberRange>();

    /// <summary>Found once in this assembly, as ApplyConfigurationsFromAssembly finds the entity configurations.</summary>
    private static readonly IProviderModelConfiguration[] ProviderModelConfigurations =
    [
        .. typeof(AniPlannerDbContext).Assembly.GetTypes()
            .Where(type => type is { IsClass: true, IsAbstract: false } && type.IsAssignableTo(typeof(IProviderModelConfiguration)))
            .OrderBy(type => type.FullName, StringComparer.Ordinal)
            .Select(type => (IProviderModelConfiguration)Activator.CreateInstance(type)!),
    ];

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(AniPlannerDbContext).Assembly);
        foreach (var configuration in ProviderModelConfigurations)
        {
            configuration.Configure(modelBuilder, Database);
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
