using System.Data.Common;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace AniPlanner.Infrastructure.Persistence;

/// <summary>
/// Tells a failure that a retry may cure (a deadlock victim, a lock wait that ran out, a dropped
/// or refused connection, a failover) from a real error. Requests that stream their body (dial
/// imports) cannot be replayed by EF's execution strategy; their callers are told to retry instead.
/// </summary>
public static class TransientDatabaseFailures
{
    /// <summary>Deadlock victim, lock request timeout, command timeout, and the connection-level errors Azure SQL and failovers raise.</summary>
    private static readonly HashSet<int> SqlServerNumbers =
        [1205, 1222, -2, 20, 64, 121, 233, 4060, 4221, 10053, 10054, 10060, 10928, 10929, 40143, 40197, 40501, 40613, 49918, 49919, 49920];

    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;

    public static bool IsTransientDatabaseFailure(this Exception exception)
    {
        for (Exception? current = exception; current is not null; current = current.InnerException)
        {
            var transient = current switch
            {
                RetryLimitExceededException => true,
                SqlException sqlServer => sqlServer.Errors.Cast<SqlError>().Any(error => SqlServerNumbers.Contains(error.Number)),
                PostgresException postgreSql => postgreSql.IsTransient
                    || postgreSql.SqlState is PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.LockNotAvailable,
                NpgsqlException npgsql => npgsql.IsTransient,
                SqliteException sqlite => sqlite.SqliteErrorCode is SqliteBusy or SqliteLocked,
                DbException database => database.IsTransient,
                _ => false,
            };
            if (transient)
            {
                return true;
            }
        }

        return false;
    }
}
