using AniPlanner.FunctionalTests.Infrastructure;

/// <summary>
/// The whole run's set-up fixture (outside every namespace, so NUnit runs it around all tests):
/// whatever the run started (services, databases, a PostgreSQL cluster, a published build) is
/// stopped and deleted at the end, pass or fail; and when SQL Server tests were skipped, the run
/// says so once, with how to run them.
/// </summary>
[SetUpFixture]
public sealed class TestRun
{
    [OneTimeTearDown]
    public async Task StopEverything()
    {
        // TestContext.Error is what `dotnet test` shows at its default verbosity (Progress and Out are not),
        // just above its summary: the per-test skip lines it prints carry no reason.
        if (SqlServerTestDatabase.Unavailable is { } unavailable)
        {
            await TestContext.Error.WriteLineAsync(
                $"SQL Server tests were skipped: they need a Docker engine (Testcontainers starts SQL Server) or {SqlServerTestDatabase.EnvironmentVariable}=<connection string>, " +
                $"and neither is available here ({unavailable}).");
        }

        // Each step runs whatever the others did: a failed one must not leave a server running.
        var failures = new List<Exception>();
        foreach (var step in (Func<Task>[])[SharedDatabases.StopAllAsync, PostgreSqlTestServer.StopAsync, PublishedService.DeletePublishedBuildAsync])
        {
            try
            {
                await step();
            }
            catch (Exception failure)
            {
                failures.Add(failure);
            }
        }

        if (failures.Count > 0)
        {
            throw new AggregateException("Stopping what the test run started failed", failures);
        }
    }
}
