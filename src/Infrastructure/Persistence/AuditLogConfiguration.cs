using AniPlanner.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AniPlanner.Infrastructure.Persistence;

public sealed class AuditLogConfiguration : IEntityTypeConfiguration<AuditLog>
{
    public void Configure(EntityTypeBuilder<AuditLog> builder)
    {
        builder.ToTable("AuditLogs");
        builder.HasKey(log => log.Id);
        builder.Property(log => log.Id).ValueGeneratedNever();
        builder.Property(log => log.ActorType).HasMaxLength(16).IsRequired();
        builder.Property(log => log.ActorId).HasMaxLength(64).IsRequired();
        builder.Property(log => log.Action).HasMaxLength(16).IsRequired();
        builder.Property(log => log.ResourceType).HasMaxLength(32).IsRequired();
        builder.Property(log => log.ResourceId).HasMaxLength(128).IsRequired();

        // Read newest first, per customer. No foreign key: the trail outlives what it describes.
        builder.HasIndex(log => new { log.CustomerId, log.TmCreate });
    }
}
