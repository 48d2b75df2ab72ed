using AniPlanner.Application.AniPlanning.Common;
using AniPlanner.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.Extensions.DependencyInjection;

namespace AniPlanner.Infrastructure.AniPlanning;

/// <summary>A company's planner data version (<see cref="IPlannerDataVersions"/>); a company that never changed anything has none (version 0).</summary>
public sealed class PlannerDataVersion(Guid customerId, long version)
{
    public Guid CustomerId { get; set; } = customerId;
    public long Version { get; set; } = version;
}

public sealed class PlannerDataVersionConfiguration : IEntityTypeConfiguration<PlannerDataVersion>
{
    public void Configure(EntityTypeBuilder<PlannerDataVersion> builder)
    {
        builder.ToTable("PlannerDataVersions");
        builder.HasKey(version => version.CustomerId);
    }
}

/// <summary>Reads and moves the version with one statement each; the move upserts, so two at once both count.</summary>
public sealed class PlannerDataVersions(AniPlannerDbContext context, IWriteTurns writeTurns, IServiceScopeFactory scopes) : IPlannerDataVersions
{
    internal const string SqlServerBump = """
        MERGE PlannerDataVersions WITH (HOLDLOCK) AS target
        USING (SELECT @customer AS CustomerId) AS source ON target.CustomerId = source.CustomerId
        WHEN MATCHED THEN UPDATE SET Version = target.Version + 1
        WHEN NOT MATCHED THEN INSERT (CustomerId, Version) VALUES (@customer, 1);
        """;

    private const string UpsertBump = """
        INSERT INTO "PlannerDataVersions" ("CustomerId", "Version") VALUES (@customer, 1)
        ON CONFLICT ("CustomerId") DO UPDATE SET "Version" = "PlannerDataVersions"."Version" + 1
        """;

    public Task<long> CurrentAsync(Guid customerId, CancellationToken cancellationToken) =>
        context.Set<PlannerDataVersion>().AsNoTracking()
            .Where(version => version.CustomerId == customerId).Select(version => version.Version).FirstOrDefaultAsync(cancellationToken);

    /// <summary>On a connection of its own: the caller's may still hold the import that just committed.</summary>
    public async Task BumpAsync(Guid customerId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var database = scope.ServiceProvider.GetRequiredService<AniPlannerDbContext>().Database;
        using var turn = await writeTurns.EnterAsync(cancellationToken);
        await database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = database.GetDbConnection().CreateCommand();
            command.CommandText = database.IsSqlServer() ? SqlServerBump : UpsertBump;
            var customer = command.CreateParameter();
            customer.ParameterName = "@customer";

            // EF Core keeps a Guid as upper-case text on SQLite; the servers take the Guid itself.
            customer.Value = database.IsSqlite() ? SqliteText.Customer(customerId) : customerId;
            command.Parameters.Add(customer);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        finally
        {
            await database.CloseConnectionAsync();
        }
    }
}
