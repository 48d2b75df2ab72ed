using AniPlanner.FunctionalTests.Infrastructure;

/// <summary>
/// The whole run's set-up fixture (outside every namespace, so NUnit runs it around all tests):
/// whatever the run started (services, databases, a PostgreSQL cluster, a published build) is
/// stopped and deleted at the end, pass or fail.
/// </summary>
[SetUpFixture]
public sealed class TestRun
{
    [OneTimeTearDown]
    public async Task StopEverything()
    {
        await SharedDatabases.StopAllAsync();
        await PostgreSqlTestServer.StopAsync();
        PublishedService.DeletePublishedBuild();
    }
}
