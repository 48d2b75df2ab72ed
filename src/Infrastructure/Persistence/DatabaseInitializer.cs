using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
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
        var applied = await AppliedMigrationsAsync(cancellationToken);
        var pending = context.Database.GetMigrations().Except(applied).ToList();
        if (applied.Count == 0)
        {
            // An empty history first: EF would otherwise probe for it by a read that fails (and logs an error) on PostgreSQL.
            await context.GetService<IHistoryRepository>().CreateIfNotExistsAsync(cancellationToken);
        }

        // A migration may rebuild a table as big as the dials (a new collation rebuilds its key).
        // Concurrent starts wait on StartupLock, held by the caller.
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

    /// <summary>Waits until no other instance is starting on this database (see <see cref="StartupLock"/>).</summary>
    public Task<StartupLock> HoldStartupLockAsync(CancellationToken cancellationToken) => StartupLock.HoldAsync(context.Database, cancellationToken);

    /// <summary>True when the database answers and has every migration applied.</summary>
    public async Task<bool> IsReadyAsync(CancellationToken cancellationToken) =>
        await context.Database.CanConnectAsync(cancellationToken)
        && !context.Database.GetMigrations().Except(await AppliedMigrationsAsync(cancellationToken)).Any();

    /// <summary>None on a database that has no history table yet (reading it would fail, and EF would log the failure as an error).</summary>
    private async Task<List<string>> AppliedMigrationsAsync(CancellationToken cancellationToken) =>
        await HistoryExistsAsync(cancellationToken) ? [.. await context.Database.GetAppliedMigrationsAsync(cancellationToken)] : [];

    /// <summary>
    /// Npgsql's history repository always answers "exists" and lets the read fail instead
    /// (npgsql/efcore.pg#3407), so on PostgreSQL the table is looked up where the search path finds it.
    /// </summary>
    private async Task<bool> HistoryExistsAsync(CancellationToken cancellationToken) =>
        context.Database.IsNpgsql()
            ? await context.Database.SqlQueryRaw<bool>("""SELECT to_regclass('"__EFMigrationsHistory"') IS NOT NULL AS "Value" """).SingleAsync(cancellationToken)
            : await context.GetService<IHistoryRepository>().ExistsAsync(cancellationToken);

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
