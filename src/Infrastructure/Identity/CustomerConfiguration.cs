using AniPlanner.Domain.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AniPlanner.Infrastructure.Identity;

public sealed class CustomerConfiguration : IEntityTypeConfiguration<Customer>
{
    public void Configure(EntityTypeBuilder<Customer> builder)
    {
        builder.ToTable("Customers");
        builder.HasKey(customer => customer.Id);
        builder.Property(customer => customer.Id).ValueGeneratedNever();
        builder.Property(customer => customer.Name).HasMaxLength(Customer.MaxNameLength).IsRequired();
        builder.Property(customer => customer.Detail).HasMaxLength(Customer.MaxDetailLength).IsRequired();
        builder.Ignore(customer => customer.IsDeleted);

        // Every update and delete writes only where the row still has the version it read.
        builder.Property(customer => customer.Version).IsConcurrencyToken();
    }
}
