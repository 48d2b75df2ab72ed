using System.Data.Common;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Respawn;
using Testcontainers.MsSql;

namespace AniPlanner.FunctionalTests.Infrastructure;

public enum DatabaseKind
{
    Sqlite,
    SqlServer,
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
            DbAdapter = Kind == DatabaseKind.Sqlite ? DbAdapter.Sqlite : DbAdapter.SqlServer,
            // Schema history and reference data are loaded once at start-up, not per test.
            TablesToIgnore = ["__EFMigrationsHistory", "RegionAreas", "ZipAreaCodes", "UkNumberRanges", "ReferenceDataVersions"],
        });
        await _respawner.ResetAsync(connection);
    }

    public async Task<DbConnection> OpenAsync()
    {
        DbConnection connection = Kind == DatabaseKind.Sqlite ? new SqliteConnection(ConnectionString) : new SqlConnection(ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

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

    /// <summary>Null, with the reason, when no SQL Server can be had here.</summary>
    public static async Task<(SqlServerTestDatabase? Database, string Reason)> TryStartAsync()
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

            return (null,
                $"SQL Server tests need a Docker engine (Testcontainers) or {EnvironmentVariable}=<connection string>; " +
                $"neither is available here ({exception.GetType().Name}: {exception.Message.Split('\n')[0]})");
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
