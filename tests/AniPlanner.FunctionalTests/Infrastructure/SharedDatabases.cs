namespace AniPlanner.FunctionalTests.Infrastructure;

/// <summary>
/// One database and one running service per provider for the whole run: start-up and
/// migrations happen once, and each test starts from empty tables.
/// </summary>
[SetUpFixture]
public sealed class SharedDatabases
{
    private static readonly Dictionary<DatabaseKind, Task<(AniPlannerFactory? Factory, string IgnoreReason)>> Services = [];
    private static readonly Lock Gate = new();

    public static Task<(AniPlannerFactory? Factory, string IgnoreReason)> ServiceFor(DatabaseKind kind)
    {
        lock (Gate)
        {
            if (!Services.TryGetValue(kind, out var service))
            {
                service = StartAsync(kind);
                Services[kind] = service;
            }

            return service;
        }
    }

    [OneTimeTearDown]
    public async Task StopAll()
    {
        foreach (var service in Services.Values)
        {
            var (factory, _) = await service;
            if (factory is not null)
            {
                await factory.DisposeAsync();
                await factory.Database.DisposeAsync();
            }
        }
    }

    private static async Task<(AniPlannerFactory?, string)> StartAsync(DatabaseKind kind)
    {
        TestDatabase? database = new SqliteTestDatabase();
        if (kind == DatabaseKind.SqlServer)
        {
            var (sqlServer, reason) = await SqlServerTestDatabase.TryStartAsync();
            if (sqlServer is null)
            {
                await TestContext.Progress.WriteLineAsync($"SQL Server API tests ignored: {reason}");
                return (null, reason);
            }

            database = sqlServer;
        }

        var factory = new AniPlannerFactory(database);
        factory.CreateClient().Dispose(); // starts the host: migrations run now
        return (factory, "");
    }
}
