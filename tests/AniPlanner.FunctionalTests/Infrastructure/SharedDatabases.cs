namespace AniPlanner.FunctionalTests.Infrastructure;

/// <summary>
/// One database and one running service per provider for the whole run: start-up and
/// migrations happen once, and each test starts from empty tables. Stopped by <see cref="TestRun"/>.
/// </summary>
public static class SharedDatabases
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

    /// <summary>Stops every service that started; one that failed to start cleaned up after itself.</summary>
    public static async Task StopAllAsync()
    {
        foreach (var service in Services.Values.Where(service => service.IsCompletedSuccessfully))
        {
            if (service.Result.Factory is { } factory)
            {
                await factory.DisposeAsync();
                await factory.Database.DisposeAsync();
            }
        }
    }

    private static async Task<(AniPlannerFactory?, string)> StartAsync(DatabaseKind kind)
    {
        var (database, reason) = await TestDatabase.TryCreateAsync(kind);
        if (database is null)
        {
            await TestContext.Progress.WriteLineAsync($"{kind} API tests ignored: {reason}");
            return (null, reason);
        }

        var factory = new AniPlannerFactory(database);
        try
        {
            factory.CreateClient().Dispose(); // starts the host: migrations run now
            return (factory, "");
        }
        catch
        {
            await factory.DisposeAsync();
            await database.DisposeAsync();
            throw;
        }
    }
}
