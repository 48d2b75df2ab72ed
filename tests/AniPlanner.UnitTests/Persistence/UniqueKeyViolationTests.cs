using AniPlanner.Domain.Identity;
using AniPlanner.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AniPlanner.UnitTests.Persistence;

public sealed class UniqueKeyViolationTests
{
    [Test]
    public async Task A_duplicate_key_is_a_unique_violation_and_a_missing_parent_is_not()
    {
        var options = new DbContextOptionsBuilder<SqliteAniPlannerDbContext>().UseSqlite("Data Source=:memory:").Options;
        await using var context = new SqliteAniPlannerDbContext(options);
        await context.Database.OpenConnectionAsync();
        await context.Database.MigrateAsync();
        var now = DateTime.UtcNow;
        var customer = Customer.Create("Acme", "", now);
        context.Customers.Add(customer);
        context.AccessKeys.Add(AccessKey.FromToken(customer.Id, "a", "", Permission.Admin, "anip_same", now));
        await context.SaveChangesAsync();

        context.AccessKeys.Add(AccessKey.FromToken(customer.Id, "b", "", Permission.Admin, "anip_same", now));
        var duplicate = Assert.ThrowsAsync<DbUpdateException>(() => context.SaveChangesAsync());
        context.ChangeTracker.Clear();

        context.AccessKeys.Add(AccessKey.FromToken(Guid.NewGuid(), "c", "", Permission.Admin, "anip_orphan", now));
        var orphan = Assert.ThrowsAsync<DbUpdateException>(() => context.SaveChangesAsync());

        Assert.That(duplicate!.IsUniqueKeyViolation(), Is.True);
        Assert.That(orphan!.IsUniqueKeyViolation(), Is.False);
    }
}
