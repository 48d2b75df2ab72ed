using AniPlanner.Domain.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AniPlanner.Infrastructure.Identity;

public sealed class UserConfiguration : IEntityTypeConfiguration<User>
{
    public void Configure(EntityTypeBuilder<User> builder)
    {
        builder.ToTable("Users");
        builder.HasKey(user => user.Id);
        builder.Property(user => user.Id).ValueGeneratedNever();
        builder.Property(user => user.Username).HasMaxLength(User.MaxUsernameLength).IsRequired();
        builder.Property(user => user.PasswordHash).HasMaxLength(256).IsRequired();
        builder.Property(user => user.Permission).HasConversion<string>().HasMaxLength(16);
        builder.Property(user => user.Name).HasMaxLength(255).IsRequired();
        builder.Property(user => user.Detail).HasMaxLength(2000).IsRequired();
        builder.Ignore(user => user.IsDeleted);

        // Every update and delete writes only where the row still has the version it read.
        builder.Property(user => user.Version).IsConcurrencyToken();

        // Usernames are unique across customers: a login names no customer.
        builder.HasIndex(user => user.Username).IsUnique();
        builder.HasIndex(user => new { user.CustomerId, user.TmDelete, user.TmCreate });
        builder.HasOne<Customer>().WithMany().HasForeignKey(user => user.CustomerId).OnDelete(DeleteBehavior.Restrict);
    }
}
