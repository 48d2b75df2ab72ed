using AniPlanner.Application.Common.Exceptions;
using AniPlanner.Domain.Identity;
using AniPlanner.Domain.Outplans;
using AniPlanner.Infrastructure.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace AniPlanner.UnitTests.Persistence;

public sealed class WriteConflictTests
{
    [Test]
    public async Task A_save_over_a_row_changed_since_it_was_read_stores_nothing_and_is_a_write_conflict()
    {
        await using var connection = new SqliteConnection("Data Source=:memory:");
        await connection.OpenAsync();
        var now = DateTime.UtcNow;
        var customer = Customer.Create("Acme", "", now);
        var outplan = Outplan.Create(customer.Id, "Sales", "", new DialInfo(Address.Empty, 30_000, 60_000, [1, 0, 0, 0, 0]), now);
        await using (var setup = Context(connection))
        {
            await setup.Database.MigrateAsync();
            setup.AddRange(customer, outplan);
            await setup.SaveChangesAsync();
        }

        var turns = new SqliteWriteGate();
        await using var first = Context(connection);
        await using var second = Context(connection);
        var firstRead = await first.Outplans.SingleAsync();
        var secondRead = await second.Outplans.SingleAsync();
        firstRead.UpdateBasicInfo("First", "", now.AddSeconds(1));
        await new EfRepository<Outplan>(first, turns).SaveChangesAsync(CancellationToken.None);

        secondRead.UpdateDialInfo(new DialInfo(Address.Empty, 45_000, 60_000, [2, 0, 0, 0, 0]), now.AddSeconds(2));
        Assert.ThrowsAsync<WriteConflictException>(() => new EfRepository<Outplan>(second, turns).SaveChangesAsync(CancellationToken.None));

        // The losing save gave its write turn back: the next one gets it at once.
        using (var next = await turns.EnterAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(1)))
        {
        }

        await using var reader = Context(connection);
        var stored = await reader.Outplans.SingleAsync();
        Assert.That((stored.Name, stored.DialTimeout, stored.MaxTryCount0, stored.Version), Is.EqualTo(("First", 30_000L, 1, 1)),
            "the first save whole, nothing of the second");
    }

    private static SqliteAniPlannerDbContext Context(SqliteConnection connection) =>
        new(new DbContextOptionsBuilder<SqliteAniPlannerDbContext>().UseSqlite(connection).Options);
}
