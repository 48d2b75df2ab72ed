using System.Net;
using AniPlanner.FunctionalTests.Infrastructure;

namespace AniPlanner.FunctionalTests.Hosting;

public sealed class HealthTests(DatabaseKind kind) : ApiTestBase(kind)
{
    [Test]
    public async Task Health_is_200_once_the_database_is_migrated()
    {
        using var response = await Client.GetAsync("/health");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await response.Content.ReadAsStringAsync(), Is.EqualTo("Healthy"));
    }

    [Test]
    public async Task Health_is_503_when_migrations_are_pending()
    {
        // A second service on an empty database that is told not to migrate.
        await using var empty = new SqliteTestDatabase();
        await using var factory = new AniPlannerFactory(empty, new Dictionary<string, string?> { ["Database:MigrateOnStartup"] = "false" });
        using var client = factory.CreateClient();

        using var response = await client.GetAsync("/health");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
    }
}
