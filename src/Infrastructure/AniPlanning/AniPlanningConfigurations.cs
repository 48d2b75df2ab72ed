using AniPlanner.Domain.AniPlanning.AniInventory;
using AniPlanner.Domain.AniPlanning.Campaigns;
using AniPlanner.Domain.AniPlanning.Dials;
using AniPlanner.Domain.AniPlanning.Dispositions;
using AniPlanner.Domain.AniPlanning.Regions;
using AniPlanner.Domain.AniPlanning.Settings;
using AniPlanner.Domain.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AniPlanner.Infrastructure.AniPlanning;

public sealed class CampaignConfiguration : IEntityTypeConfiguration<Campaign>
{
    public void Configure(EntityTypeBuilder<Campaign> builder)
    {
        builder.ToTable("Campaigns");
        builder.HasKey(campaign => campaign.Id);
        builder.Property(campaign => campaign.Id).ValueGeneratedOnAdd();
        builder.Property(campaign => campaign.InternalIdentifier).HasMaxLength(Campaign.MaxIdentifierLength).IsRequired();
        builder.Property(campaign => campaign.Name).HasMaxLength(Campaign.MaxNameLength).IsRequired();
        builder.Property(campaign => campaign.Type).HasConversion<string>().HasMaxLength(16);
        builder.PrimitiveCollection(campaign => campaign.InboundCampaignIds);
        builder.Ignore(campaign => campaign.PlacesDials);
        builder.HasIndex(campaign => new { campaign.CustomerId, campaign.InternalIdentifier }).IsUnique();

        // Two simultaneous creates that picked the same next number: one of them must lose (and retry).
        builder.HasIndex(campaign => new { campaign.CustomerId, campaign.Number }).IsUnique();
        builder.HasOne<Customer>().WithMany().HasForeignKey(campaign => campaign.CustomerId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class AniConfiguration : IEntityTypeConfiguration<Ani>
{
    public void Configure(EntityTypeBuilder<Ani> builder)
    {
        builder.ToTable("Anis");
        builder.HasKey(ani => ani.Id);
        builder.Property(ani => ani.Id).ValueGeneratedOnAdd();
        builder.Property(ani => ani.Number).HasMaxLength(20).IsRequired();
        builder.Property(ani => ani.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(ani => ani.AreaKey).HasMaxLength(16).IsRequired();
        builder.Property(ani => ani.Country).HasMaxLength(2).IsRequired();
        builder.Ignore(ani => ani.IsManagedAndActive);
        builder.HasIndex(ani => new { ani.CustomerId, ani.Number }).IsUnique();

        // Plans count a company's ANIs per area.
        builder.HasIndex(ani => new { ani.CustomerId, ani.AreaKey });
        builder.HasOne<Customer>().WithMany().HasForeignKey(ani => ani.CustomerId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class DialConfiguration : IEntityTypeConfiguration<Dial>
{
    public const int MaxCallIdLength = 128;

    public void Configure(EntityTypeBuilder<Dial> builder)
    {
        builder.ToTable("Dials");

        // The key is also the duplicate check: a call id counts once per customer.
        builder.HasKey(dial => new { dial.CustomerId, dial.CallId });
        builder.Property(dial => dial.CallId).HasMaxLength(MaxCallIdLength);
        builder.Property(dial => dial.ProspectNumber).HasMaxLength(20).IsRequired();
        builder.Property(dial => dial.AniNumber).HasMaxLength(20).IsRequired();
        builder.Property(dial => dial.ProspectZip).HasMaxLength(5).IsRequired();
        builder.Property(dial => dial.ProspectAreaKey).HasMaxLength(16);
        builder.Property(dial => dial.AniAreaKey).HasMaxLength(16);
        builder.HasOne<Customer>().WithMany().HasForeignKey(dial => dial.CustomerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Campaign>().WithMany().HasForeignKey(dial => dial.CampaignId).OnDelete(DeleteBehavior.Restrict);

        // A disposition's re-count finds its dials here; dials without one (most) take no room in it.
        // No foreign key: SQLite cannot add one to a table without rebuilding it (every dial copied),
        // and deleting a disposition unlinks its dials in the same transaction.
        builder.HasIndex(dial => new { dial.CustomerId, dial.DispositionId }).HasFilter(DispositionIndexFilter);
    }

    /// <summary>In SQLite's and PostgreSQL's quoting; SQL Server's is set in <see cref="AniPlanningProviderModel"/>.</summary>
    public const string DispositionIndexFilter = "\"DispositionId\" IS NOT NULL";
}

public sealed class DispositionConfiguration : IEntityTypeConfiguration<Disposition>
{
    public void Configure(EntityTypeBuilder<Disposition> builder)
    {
        builder.ToTable("Dispositions");
        builder.HasKey(disposition => disposition.Id);
        builder.Property(disposition => disposition.Id).ValueGeneratedOnAdd();
        builder.Property(disposition => disposition.Identifier).HasMaxLength(Disposition.MaxIdentifierLength).IsRequired();
        builder.Property(disposition => disposition.Name).HasMaxLength(Disposition.MaxNameLength).IsRequired();
        builder.Property(disposition => disposition.NameKey).HasMaxLength(Disposition.MaxNameLength).IsRequired();
        builder.Property(disposition => disposition.Type).HasConversion<string>().HasMaxLength(16);
        builder.HasIndex(disposition => new { disposition.CustomerId, disposition.Identifier }).IsUnique();

        // Dials find their disposition by name; two with one name would make that a guess.
        builder.HasIndex(disposition => new { disposition.CustomerId, disposition.NameKey }).IsUnique();
        builder.HasOne<Customer>().WithMany().HasForeignKey(disposition => disposition.CustomerId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class DialRollupConfiguration : IEntityTypeConfiguration<DialRollup>
{
    public void Configure(EntityTypeBuilder<DialRollup> builder)
    {
        builder.ToTable("DialRollups");

        // Key order serves the plan query: one customer, one grouping, a range of days.
        builder.HasKey(rollup => new { rollup.CustomerId, rollup.Grouping, rollup.Day, rollup.CampaignId, rollup.AreaKey });
        builder.Property(rollup => rollup.AreaKey).HasMaxLength(16);
    }
}

public sealed class DialTotalConfiguration : IEntityTypeConfiguration<DialTotal>
{
    public void Configure(EntityTypeBuilder<DialTotal> builder)
    {
        builder.ToTable("DialTotals");

        // Key order serves the plan query: one customer, one grouping, one period, a range of starts.
        builder.HasKey(total => new { total.CustomerId, total.Grouping, total.Period, total.Start, total.AreaKey });
        builder.Property(total => total.AreaKey).HasMaxLength(16);
    }
}

public sealed class AniDayRollupConfiguration : IEntityTypeConfiguration<AniDayRollup>
{
    /// <summary>The index that reads one ANI's days.</summary>
    public const string ByAniIndex = "IX_AniDayRollups_CustomerId_AniNumber_Day";

    public void Configure(EntityTypeBuilder<AniDayRollup> builder)
    {
        builder.ToTable("AniDayRollups");

        // Key order serves the usage query: one customer, a range of days, every ANI in it.
        builder.HasKey(rollup => new { rollup.CustomerId, rollup.Day, rollup.AniNumber });
        builder.Property(rollup => rollup.AniNumber).HasMaxLength(20);

        // A page's numbers read by the day (contacts, days over the target) seek their own rows.
        builder.HasIndex(rollup => new { rollup.CustomerId, rollup.AniNumber, rollup.Day }).HasDatabaseName(ByAniIndex);
    }
}

public sealed class AniSpanRollupConfiguration : IEntityTypeConfiguration<AniSpanRollup>
{
    public void Configure(EntityTypeBuilder<AniSpanRollup> builder)
    {
        builder.ToTable("AniSpanRollups");

        // Key order serves the usage query: one customer, one block size, a range of starts, every ANI.
        builder.HasKey(rollup => new { rollup.CustomerId, rollup.Span, rollup.Start, rollup.AniNumber });
        builder.Property(rollup => rollup.AniNumber).HasMaxLength(20);
    }
}

public sealed class PlannerSettingsConfiguration : IEntityTypeConfiguration<PlannerSettings>
{
    public void Configure(EntityTypeBuilder<PlannerSettings> builder)
    {
        builder.ToTable("PlannerSettings");
        builder.HasKey(settings => settings.CustomerId);
        builder.Property(settings => settings.Country).HasConversion<string>().HasMaxLength(2);
        builder.Property(settings => settings.TimeZone).HasMaxLength(PlannerSettings.MaxTimeZoneLength);
        builder.Property(settings => settings.NumberRegion).HasConversion<string>().HasMaxLength(2);
        builder.HasOne<Customer>().WithMany().HasForeignKey(settings => settings.CustomerId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class RegionAreaConfiguration : IEntityTypeConfiguration<RegionArea>
{
    public void Configure(EntityTypeBuilder<RegionArea> builder)
    {
        builder.ToTable("RegionAreas");
        builder.HasKey(area => new { area.Plan, area.AreaCode });
        builder.Property(area => area.Plan).HasMaxLength(8);
        builder.Property(area => area.AreaCode).HasMaxLength(8);
        builder.Property(area => area.Country).HasMaxLength(2).IsRequired();
        builder.Property(area => area.Region).HasMaxLength(255).IsRequired();
        builder.Property(area => area.State).HasMaxLength(8).IsRequired();
        builder.Ignore(area => area.Key);
        builder.Ignore(area => area.NumberCountry);
    }
}

public sealed class ZipAreaCodeConfiguration : IEntityTypeConfiguration<ZipAreaCode>
{
    public void Configure(EntityTypeBuilder<ZipAreaCode> builder)
    {
        builder.ToTable("ZipAreaCodes");
        builder.HasKey(zip => zip.Zip);
        builder.Property(zip => zip.Zip).HasMaxLength(5);
        builder.Property(zip => zip.AreaCode).HasMaxLength(3).IsRequired();
    }
}

public sealed class UkNumberRangeConfiguration : IEntityTypeConfiguration<UkNumberRange>
{
    public void Configure(EntityTypeBuilder<UkNumberRange> builder)
    {
        builder.ToTable("UkNumberRanges");
        builder.HasKey(range => new { range.Prefix, range.Territory });
        builder.Property(range => range.Prefix).HasMaxLength(10);
        builder.Property(range => range.Territory).HasMaxLength(2);
        builder.Property(range => range.Kind).HasMaxLength(32).IsRequired();
    }
}

/// <summary>Which version (content hash) of each reference data set the database holds.</summary>
public sealed class ReferenceDataVersion(string name, string hash)
{
    public string Name { get; set; } = name;
    public string Hash { get; set; } = hash;
}

public sealed class ReferenceDataVersionConfiguration : IEntityTypeConfiguration<ReferenceDataVersion>
{
    public void Configure(EntityTypeBuilder<ReferenceDataVersion> builder)
    {
        builder.ToTable("ReferenceDataVersions");
        builder.HasKey(version => version.Name);
        builder.Property(version => version.Name).HasMaxLength(64);
        builder.Property(version => version.Hash).HasMaxLength(64).IsRequired();
    }
}
