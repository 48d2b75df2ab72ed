using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace AniPlanner.Infrastructure.Persistence;

/// <summary>Tells a lost race on a unique key (retry and it works) from every other write failure.</summary>
public static class UniqueKeyViolations
{
    private const int SqliteUnique = 2067;
    private const int SqlitePrimaryKey = 1555;
    private const int SqlServerUniqueIndex = 2601;
    private const int SqlServerUniqueConstraint = 2627;

    public static bool IsUniqueKeyViolation(this DbUpdateException exception) => exception.InnerException switch
    {
        SqliteException sqlite => sqlite.SqliteExtendedErrorCode is SqliteUnique or SqlitePrimaryKey,
        SqlException sqlServer => sqlServer.Number is SqlServerUniqueIndex or SqlServerUniqueConstraint,
        PostgresException postgreSql => postgreSql.SqlState == PostgresErrorCodes.UniqueViolation,
        _ => false,
    };
}
