using AniPlanner.FunctionalTests.Infrastructure;

namespace AniPlanner.FunctionalTests.Hosting;

/// <summary>An operator reads from the start-up log where the service runs, on what, and where it listens.</summary>
public sealed class StartupLogTests
{
    [Test]
    public async Task Start_up_logs_the_environment_the_database_provider_and_the_listening_address()
    {
        await using var database = new SqliteTestDatabase();
        await using var factory = new AniPlannerFactory(database);
        factory.UseKestrel(0);
        factory.StartServer();
        using var client = factory.CreateClient();

        var lines = factory.Logs.Lines.Where(line => line.Contains("AniPlanner.Api.Hosting.StartupTasks", StringComparison.Ordinal)).ToList();

        Assert.That(lines, Has.Some.Contains("Starting in the Testing environment on the Sqlite database"));
        Assert.That(lines, Has.Some.Contains($"Listening on {client.BaseAddress!.GetLeftPart(UriPartial.Authority)}"), string.Join("\n", lines));
    }
}
