using AniPlanner.Domain.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AniPlanner.Infrastructure.Identity;

public sealed class AccessKeyConfiguration : IEntityTypeConfiguration<AccessKey>
{
    public void Configure(EntityTypeBuilder<AccessKey> builder)
    {
        builder.ToTable("AccessKeys");
        builder.HasKey(key => key.Id);
        builder.Property(key => key.Id).ValueGeneratedNever();
        builder.Property(key => key.Name).HasMaxLength(255).IsRequired();
        builder.Property(key => key.Detail).HasMaxLength(2000).IsRequired();
        builder.Property(key => key.TokenHash).HasMaxLength(64).IsRequired();
        builder.Property(key => key.TokenHint).HasMaxLength(16).IsRequired();
        builder.Property(key => key.Permission).HasConversion<string>().HasMaxLength(16);
        builder.Ignore(key => key.IsDeleted);

        // Every update and delete writes only where the row still has the version it read.
        builder.Property(key => key.Version).IsConcurrencyToken();

        // Listing a customer's live keys, newest first.
        builder.HasIndex(key => new { key.CustomerId, key.TmDelete, key.TmCreate });

        // Every authenticated request looks its key up by hash.
        builder.HasIndex(key => key.TokenHash).IsUnique();
        builder.HasOne<Customer>().WithMany().HasForeignKey(key => key.CustomerId).OnDelete(DeleteBehavior.Restrict);
    }
}
