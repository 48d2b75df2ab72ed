using System.Data.Common;
using Microsoft.Data.SqlClient;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Npgsql;

namespace AniPlanner.Infrastructure.Persistence;

/// <summary>
/// Held by one starting instance at a time, on a server database, around everything start-up
/// writes (migrations, reference data, the demo seed): instances started together do that work
/// once, in turn, instead of racing (EF's own migration lock covers one transaction, and a
/// migration run can be several). A session lock on a connection of its own, so a crash
/// releases it. SQLite needs none: one file serves one instance.
/// </summary>
public sealed class StartupLock : IAsyncDisposable
{
    /// <summary>Waits as long as another instance's start-up takes (a migration may rebuild a big table).</summary>
    public const string SqlServerAcquire =
        "DECLARE @granted int; EXEC @granted = sp_getapplock @Resource = N'AniPlanner start-up', @LockMode = N'Exclusive', @LockOwner = N'Session', @LockTimeout = -1; " +
        "IF @granted < 0 THROW 51000, N'The AniPlanner start-up lock was not granted.', 1;";

    public const string SqlServerRelease = "EXEC sp_releaseapplock @Resource = N'AniPlanner start-up', @LockOwner = N'Session';";

    /// <summary>An advisory lock key of this service's own ("AniPlanr" read as a 64-bit number).</summary>
    public const string PostgreSqlAcquire = "SELECT pg_advisory_lock(4714821654040112754)";

    public const string PostgreSqlRelease = "SELECT pg_advisory_unlock(4714821654040112754)";

    private readonly DbConnection? _connection;
    private readonly string _release;

    private StartupLock(DbConnection? connection, string release)
    {
        _connection = connection;
        _release = release;
    }

    public static async Task<StartupLock> HoldAsync(DatabaseFacade database, CancellationToken cancellationToken)
    {
        var connectionString = database.GetConnectionString();
        var (connection, acquire, release) = database switch
        {
            _ when database.IsNpgsql() => ((DbConnection)new NpgsqlConnection(connectionString), PostgreSqlAcquire, PostgreSqlRelease),
            _ when database.IsSqlServer() => (new SqlConnection(connectionString), SqlServerAcquire, SqlServerRelease),
            _ => ((DbConnection?)null, "", ""),
        };
        if (connection is null)
        {
            return new StartupLock(null, "");
        }

        try
        {
            await connection.OpenAsync(cancellationToken);
            await ExecuteAsync(connection, acquire, cancellationToken);
            return new StartupLock(connection, release);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is null)
        {
            return;
        }

        try
        {
            await ExecuteAsync(_connection, _release, CancellationToken.None);
        }
        finally
        {
            // Closing the session releases the lock too, whatever happened above.
            await _connection.DisposeAsync();
        }
    }

    private static async Task ExecuteAsync(DbConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = 0;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
