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

        await context.Database.MigrateAsync(cancellationToken);
        if (context.Database.IsSqlite())
        {
            // Readers keep reading while one request writes.
            await context.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }

        LogMigrated(logger, options.Value.Provider);
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

    [LoggerMessage(Level = LogLevel.Information, Message = "Database schema is current ({Provider})")]
    private static partial void LogMigrated(ILogger logger, DatabaseProvider provider);
}
