namespace AniPlanner.Infrastructure.Persistence;

public enum DatabaseProvider
{
    Sqlite,
    SqlServer,
    PostgreSql,
}

/// <summary>The <c>Database</c> configuration section.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";
    public const string ConnectionStringName = "AniPlanner";
    public const string DefaultSqliteConnectionString = "Data Source=data/aniplanner.db";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Apply pending migrations when the service starts.</summary>
    public bool MigrateOnStartup { get; set; } = true;

    /// <summary>How many times a server database's transient failures (a failover, a deadlock) are retried.</summary>
    public int MaxRetryCount { get; set; } = 6;

    public const int MaxRetryCountLimit = 20;
}
