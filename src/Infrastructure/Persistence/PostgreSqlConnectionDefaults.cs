using System.Data.Common;
using Npgsql;

namespace AniPlanner.Infrastructure.Persistence;

/// <summary>
/// What the service's short queries want from PostgreSQL, unless the connection string says
/// otherwise: statements prepared once per connection (Npgsql's auto-prepare: planning was a
/// good part of each small query), and no parallel plans (starting workers cost a plan several
/// milliseconds, more than the few thousand rows any of its queries reads).
/// </summary>
public static class PostgreSqlConnectionDefaults
{
    /// <summary>Distinct statements kept prepared per connection: the service sends a few dozen.</summary>
    public const int MaxAutoPrepare = 64;

    public const string NoParallelPlans = "-c max_parallel_workers_per_gather=0";

    public static string Apply(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!Names(connectionString, "maxautoprepare"))
        {
            builder.MaxAutoPrepare = MaxAutoPrepare;
        }

        if (builder.Options?.Contains("max_parallel_workers_per_gather", StringComparison.Ordinal) != true)
        {
            builder.Options = $"{builder.Options} {NoParallelPlans}".Trim();
        }

        return builder.ConnectionString;
    }

    /// <summary>
    /// Whether the connection string sets the keyword, however spaced or cased (Npgsql's own
    /// builder answers ContainsKey for every keyword it knows, set or not).
    /// </summary>
    private static bool Names(string connectionString, string keyword) =>
        new DbConnectionStringBuilder { ConnectionString = connectionString }.Keys.Cast<string>()
            .Any(key => string.Equals(key.Replace(" ", "", StringComparison.Ordinal), keyword, StringComparison.OrdinalIgnoreCase));
}
