using AniPlanner.Domain.Identity;
using AniPlanner.Domain.Outplans;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AniPlanner.Infrastructure.Outplans;

public sealed class OutplanConfiguration : IEntityTypeConfiguration<Outplan>
{
    public void Configure(EntityTypeBuilder<Outplan> builder)
    {
        builder.ToTable("Outplans");
        builder.HasKey(outplan => outplan.Id);
        builder.Property(outplan => outplan.Id).ValueGeneratedNever();
        builder.Property(outplan => outplan.Name).HasMaxLength(Outplan.MaxNameLength).IsRequired();
        builder.Property(outplan => outplan.Detail).HasMaxLength(Outplan.MaxDetailLength).IsRequired();
        builder.ComplexProperty(outplan => outplan.Source, source =>
        {
            source.Property(address => address.Type).HasColumnName("SourceType").HasMaxLength(Address.MaxPartLength);
            source.Property(address => address.Target).HasColumnName("SourceTarget").HasMaxLength(Address.MaxPartLength);
            source.Property(address => address.TargetName).HasColumnName("SourceTargetName").HasMaxLength(Address.MaxPartLength);
            source.Property(address => address.Name).HasColumnName("SourceName").HasMaxLength(Address.MaxPartLength);
            source.Property(address => address.Detail).HasColumnName("SourceDetail").HasMaxLength(Address.MaxPartLength);
        });
        builder.ComplexProperty(outplan => outplan.CallingWindow, window =>
        {
            window.Property(calling => calling.Days).HasColumnName("CallingWindowDays");
            window.Property(calling => calling.StartMinute).HasColumnName("CallingWindowStartMinute");
            window.Property(calling => calling.EndMinute).HasColumnName("CallingWindowEndMinute");
            window.Property(calling => calling.TimeZone).HasColumnName("CallingWindowTimeZone").HasMaxLength(CallingWindow.MaxTimeZoneLength);
            window.Property(calling => calling.QuietHours).HasColumnName("CallingWindowQuietHours");
        });
        builder.Ignore(outplan => outplan.IsDeleted);

        // Every update and delete writes only where the row still has the version it read.
        builder.Property(outplan => outplan.Version).IsConcurrencyToken();

        // The list query: one customer's live outplans, newest first.
        builder.HasIndex(outplan => new { outplan.CustomerId, outplan.TmDelete, outplan.TmCreate });
        builder.HasOne<Customer>().WithMany().HasForeignKey(outplan => outplan.CustomerId).OnDelete(DeleteBehavior.Restrict);
    }
}
