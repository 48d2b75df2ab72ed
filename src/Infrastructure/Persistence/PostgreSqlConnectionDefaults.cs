using System.Text.RegularExpressions;
using Npgsql;

namespace AniPlanner.Infrastructure.Persistence;

/// <summary>
/// What the service's short queries want from PostgreSQL, unless the operator said otherwise:
/// statements prepared once per connection (Npgsql's auto-prepare: planning was a good part of
/// each small query) unless the connection string sets <c>Max Auto Prepare</c>; and no parallel
/// plans (starting workers cost a plan several milliseconds, more than the few thousand rows any
/// of its queries reads) unless the connection string has <c>Options</c> (even empty: the way to
/// send none, for a pooler that refuses startup options) or the environment has <c>PGOPTIONS</c>,
/// which an <c>Options</c> of ours would silently replace.
/// </summary>
public static class PostgreSqlConnectionDefaults
{
    /// <summary>Distinct statements kept prepared per connection: the service sends a few dozen.</summary>
    public const int MaxAutoPrepare = 64;

    public const string NoParallelPlans = "-c max_parallel_workers_per_gather=0";

    public static string Apply(string connectionString)
    {
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException)
        {
            // Left as it is, for Npgsql to refuse at the first connection as it did before these
            // defaults, naming the keyword it could not read.
            return connectionString;
        }

        if (!Names(connectionString, "max", "auto", "prepare"))
        {
            builder.MaxAutoPrepare = MaxAutoPrepare;
        }

        if (!Names(connectionString, "options") && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("PGOPTIONS")))
        {
            builder.Options = NoParallelPlans;
        }

        return builder.ConnectionString;
    }

    /// <summary>
    /// Whether the connection string names the keyword (its words however spaced or cased), even
    /// with an empty value. Npgsql's own builder answers ContainsKey for every keyword it knows,
    /// set or not, and the generic one forgets a keyword whose value is empty.
    /// </summary>
    private static bool Names(string connectionString, params string[] words) =>
        Regex.IsMatch(connectionString, $@"(^|;)\s*{string.Join(@"\s*", words)}\s*=", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
}
