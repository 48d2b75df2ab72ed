using System.Data.Common;
using AniPlanner.Infrastructure.Persistence;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql;
using Respawn;
using Testcontainers.MsSql;
using Testcontainers.PostgreSql;

namespace AniPlanner.FunctionalTests.Infrastructure;

public enum DatabaseKind
{
    Sqlite,
    SqlServer,
    PostgreSql,
}

/// <summary>
/// A real database for the API tests. The service creates its schema (migrations at start-up);
/// Respawn empties every table before each test. A failed reset fails the test.
/// </summary>
public abstract class TestDatabase : IAsyncDisposable
{
    private Respawner? _respawner;

    public abstract DatabaseKind Kind { get; }
    public abstract string ConnectionString { get; }

    public async Task ResetAsync()
    {
        await using var connection = await OpenAsync();
        _respawner ??= await Respawner.CreateAsync(connection, new RespawnerOptions
        {
            DbAdapter = Kind switch
            {
                DatabaseKind.SqlServer => DbAdapter.SqlServer,
                DatabaseKind.PostgreSql => DbAdapter.Postgres,
                _ => DbAdapter.Sqlite,
            },
            // Schema history and reference data are loaded once at start-up, not per test.
            TablesToIgnore = ["__EFMigrationsHistory", "RegionAreas", "ZipAreaCodes", "UkNumberRanges", "ReferenceDataVersions"],
        });
        await _respawner.ResetAsync(connection);
    }

    public async Task<DbConnection> OpenAsync()
    {
        DbConnection connection = Kind switch
        {
            DatabaseKind.SqlServer => new SqlConnection(ConnectionString),
            DatabaseKind.PostgreSql => new NpgsqlConnection(ConnectionString),
            _ => new SqliteConnection(ConnectionString),
        };
        await connection.OpenAsync();
        return connection;
    }

    /// <summary>A fresh, empty database of <paramref name="kind"/>, or why this machine cannot give one.</summary>
    public static async Task<(TestDatabase? Database, string Reason)> TryCreateAsync(DatabaseKind kind) => kind switch
    {
        DatabaseKind.SqlServer => await SqlServerTestDatabase.TryStartAsync(),
        DatabaseKind.PostgreSql => await PostgreSqlTestDatabase.TryCreateAsync(),
        _ => (new SqliteTestDatabase(), ""),
    };

    /// <summary>A context of this database's provider, for tests that migrate step by step.</summary>
    public AniPlannerDbContext NewContext() => Kind switch
    {
        DatabaseKind.SqlServer => new SqlServerAniPlannerDbContext(
            new DbContextOptionsBuilder<SqlServerAniPlannerDbContext>().UseSqlServer(ConnectionString).Options),
        DatabaseKind.PostgreSql => new PostgreSqlAniPlannerDbContext(
            new DbContextOptionsBuilder<PostgreSqlAniPlannerDbContext>().UseNpgsql(ConnectionString).Options),
        _ => new SqliteAniPlannerDbContext(new DbContextOptionsBuilder<SqliteAniPlannerDbContext>().UseSqlite(ConnectionString).Options),
    };

    /// <summary>Migrates <paramref name="context"/>'s database up to the migration before the one named <paramref name="migration"/> (its name without the timestamp).</summary>
    public static async Task MigrateToJustBeforeAsync(AniPlannerDbContext context, string migration)
    {
        var migrations = context.Database.GetMigrations().ToList();
        await context.GetService<IMigrator>().MigrateAsync(migrations[migrations.FindIndex(name => name.EndsWith($"_{migration}", StringComparison.Ordinal)) - 1]);
    }

    /// <summary>A table or column name quoted for this database (PostgreSQL folds unquoted names to lower case).</summary>
    public string Quote(string name) => Kind == DatabaseKind.SqlServer ? $"[{name}]" : $"\"{name}\"";

    public abstract ValueTask DisposeAsync();
}

public sealed class SqliteTestDatabase : TestDatabase
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"aniplanner-tests-{Guid.NewGuid():N}.db");

    public override DatabaseKind Kind => DatabaseKind.Sqlite;
    public override string ConnectionString => $"Data Source={_path}";

    public override ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        foreach (var suffix in (string[])["", "-wal", "-shm"])
        {
            File.Delete(_path + suffix);
        }

        return ValueTask.CompletedTask;
    }
}

/// <summary>
/// SQL Server from <c>ANIPLANNER_TEST_SQLSERVER</c> (a connection string; a fresh database is
/// created on that server and dropped afterwards) or, failing that, a Testcontainers container.
/// </summary>
public sealed class SqlServerTestDatabase : TestDatabase
{
    public const string EnvironmentVariable = "ANIPLANNER_TEST_SQLSERVER";

    private readonly MsSqlContainer? _container;
    private readonly string _connectionString;

    private SqlServerTestDatabase(string connectionString, MsSqlContainer? container)
    {
        _connectionString = connectionString;
        _container = container;
    }

    public override DatabaseKind Kind => DatabaseKind.SqlServer;
    public override string ConnectionString => _connectionString;

    /// <summary>Why no SQL Server could be had here, once a test asked for one and none could; else null.</summary>
    public static string? Unavailable { get; private set; }

    /// <summary>Null, with the reason, when no SQL Server can be had here.</summary>
    public static async Task<(TestDatabase? Database, string Reason)> TryStartAsync()
    {
        var configured = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return (new SqlServerTestDatabase(WithFreshDatabase(configured), container: null), "");
        }

        MsSqlContainer? container = null;
        try
        {
            container = new MsSqlBuilder("mcr.microsoft.com/mssql/server:2022-latest").Build();
            await container.StartAsync();
            return (new SqlServerTestDatabase(WithFreshDatabase(container.GetConnectionString()), container), "");
        }
        catch (Exception exception)
        {
            if (container is not null)
            {
                await container.DisposeAsync();
            }

            Unavailable = $"{exception.GetType().Name}: {exception.Message.Split('\n')[0]}";
            return (null,
                $"SQL Server tests need a Docker engine (Testcontainers) or {EnvironmentVariable}=<connection string>; " +
                $"neither is available here ({Unavailable})");
        }
    }

    public override async ValueTask DisposeAsync()
    {
        SqlConnection.ClearAllPools();
        if (_container is not null)
        {
            await _container.DisposeAsync();
            return;
        }

        // A database we created on someone else's server: drop it again.
        var builder = new SqlConnectionStringBuilder(_connectionString);
        var database = builder.InitialCatalog;
        builder.InitialCatalog = "master";
        await using var connection = new SqlConnection(builder.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"IF DB_ID('{database}') IS NOT NULL BEGIN ALTER DATABASE [{database}] SET SINGLE_USER WITH ROLLBACK IMMEDIATE; DROP DATABASE [{database}]; END";
        await command.ExecuteNonQueryAsync();
    }

    private static string WithFreshDatabase(string connectionString) =>
        new SqlConnectionStringBuilder(connectionString)
        {
            InitialCatalog = $"AniPlannerTests_{Guid.NewGuid():N}",
            TrustServerCertificate = true,
        }.ConnectionString;
}

/// <summary>
/// PostgreSQL from <c>ANIPLANNER_TEST_POSTGRES</c> (a connection string to a server: a fresh
/// database is created there and dropped afterwards; when it is set, failing to reach it fails the
/// run), else a throwaway cluster from the machine's own PostgreSQL binaries, else a
/// Testcontainers container.
/// </summary>
public sealed class PostgreSqlTestDatabase : TestDatabase
{
    public const string EnvironmentVariable = "ANIPLANNER_TEST_POSTGRES";

    private readonly string _serverConnectionString;
    private readonly string _connectionString;

    private PostgreSqlTestDatabase(string serverConnectionString)
    {
        _serverConnectionString = serverConnectionString;
        _connectionString = new NpgsqlConnectionStringBuilder(serverConnectionString) { Database = $"aniplanner_tests_{Guid.NewGuid():N}" }.ConnectionString;
    }

    public override DatabaseKind Kind => DatabaseKind.PostgreSql;
    public override string ConnectionString => _connectionString;

    /// <summary>Null, with the reason, when no PostgreSQL can be had here.</summary>
    public static async Task<(TestDatabase? Database, string Reason)> TryCreateAsync()
    {
        var server = await PostgreSqlTestServer.ConnectionStringAsync();
        if (server.ConnectionString is null)
        {
            return (null, server.Reason);
        }

        var database = new PostgreSqlTestDatabase(server.ConnectionString);
        await database.ExecuteOnServerAsync($"CREATE DATABASE \"{new NpgsqlConnectionStringBuilder(database._connectionString).Database}\"");
        return (database, "");
    }

    public override async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await ExecuteOnServerAsync($"DROP DATABASE IF EXISTS \"{new NpgsqlConnectionStringBuilder(_connectionString).Database}\" WITH (FORCE)");
    }

    private async Task ExecuteOnServerAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_serverConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}

/// <summary>
/// The one PostgreSQL server of a test run, shared by every test that needs one: the configured
/// one, a local throwaway cluster, or a container. Stopped when the run ends.
/// </summary>
public static class PostgreSqlTestServer
{
    private static readonly Lazy<Task<(string? ConnectionString, string Reason)>> Server = new(StartAsync);
    private static LocalPostgreSqlCluster? _cluster;
    private static PostgreSqlContainer? _container;

    public static Task<(string? ConnectionString, string Reason)> ConnectionStringAsync() => Server.Value;

    public static async Task StopAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }

        if (_container is not null)
        {
            await _container.DisposeAsync();
        }
    }

    private static async Task<(string?, string)> StartAsync()
    {
        var configured = Environment.GetEnvironmentVariable(PostgreSqlTestDatabase.EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return (configured, "");
        }

        if (LocalPostgreSqlCluster.FindBinaries() is { } bin)
        {
            _cluster = await LocalPostgreSqlCluster.StartAsync(bin);
            return (_cluster.ConnectionString, "");
        }

        try
        {
            _container = new PostgreSqlBuilder("postgres:17").Build();
            await _container.StartAsync();
            return (_container.GetConnectionString(), "");
        }
        catch (Exception exception)
        {
            if (_container is not null)
            {
                await _container.DisposeAsync();
                _container = null;
            }

            return (null,
                $"PostgreSQL tests need PostgreSQL's server binaries (apt-get install postgresql), a Docker engine (Testcontainers) or " +
                $"{PostgreSqlTestDatabase.EnvironmentVariable}=<connection string>; none is available here ({exception.GetType().Name}: {exception.Message.Split('\n')[0]})");
        }
    }
}
