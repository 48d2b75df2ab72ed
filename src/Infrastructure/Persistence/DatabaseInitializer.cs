using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AniPlanner.Infrastructure.Persistence;

/// <summary>Brings the database to the current schema at start-up and reports whether it is there.</summary>
public sealed partial class DatabaseInitializer(AniPlannerDbContext context, IOptions<DatabaseOptions> options, ILogger<DatabaseInitializer> logger)
{
    public async Task InitialiseAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.MigrateOnStartup)
        {
            return;
        }

        if (context.Database.IsSqlite())
        {
            EnsureSqliteDirectory(context.Database.GetConnectionString());
        }

        // Read before migrating, so the log can tell an operator what this start did to the database.
        var applied = (await context.Database.GetAppliedMigrationsAsync(cancellationToken)).ToList();
        var pending = (await context.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();

        // A migration may rebuild a table as big as the dials (a new collation rebuilds its key).
        // Concurrent starts wait on EF's migration lock.
        await context.Database.WithoutCommandTimeoutAsync(() => context.Database.MigrateAsync(cancellationToken));
        if (context.Database.IsSqlite())
        {
            // Readers keep reading while one request writes.
            await context.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }

        var provider = options.Value.Provider;
        if (pending.Count == 0)
        {
            LogCurrent(logger, provider, applied.Count, applied.LastOrDefault() ?? "none");
        }
        else if (applied.Count == 0)
        {
            LogCreated(logger, provider, pending.Count, pending[^1]);
        }
        else
        {
            LogMigrated(logger, provider, pending.Count, string.Join(", ", pending));
        }
    }

    /// <summary>True when the database answers and has every migration applied.</summary>
    public async Task<bool> IsReadyAsync(CancellationToken cancellationToken) =>
        await context.Database.CanConnectAsync(cancellationToken)
        && !(await context.Database.GetPendingMigrationsAsync(cancellationToken)).Any();

    private static void EnsureSqliteDirectory(string? connectionString)
    {
        var dataSource = new SqliteConnectionStringBuilder(connectionString).DataSource;
        if (string.IsNullOrEmpty(dataSource) || dataSource == ":memory:")
        {
            return;
        }

        var directory = Path.GetDirectoryName(Path.GetFullPath(dataSource));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Database created ({Provider}): no migration had been applied; applied all {Count}, up to {LastMigration}")]
    private static partial void LogCreated(ILogger logger, DatabaseProvider provider, int count, string lastMigration);

    [LoggerMessage(Level = LogLevel.Information, Message = "Database migrated ({Provider}): applied {Count} pending migration(s): {Migrations}")]
    private static partial void LogMigrated(ILogger logger, DatabaseProvider provider, int count, string migrations);

    [LoggerMessage(Level = LogLevel.Information, Message = "Database schema is current ({Provider}): {Count} migrations applied, the last {LastMigration}; nothing to do")]
    private static partial void LogCurrent(ILogger logger, DatabaseProvider provider, int count, string lastMigration);
}
