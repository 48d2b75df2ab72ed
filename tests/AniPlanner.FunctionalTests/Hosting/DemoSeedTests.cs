using System.Net;
using AniPlanner.FunctionalTests.Infrastructure;
using AniPlanner.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AniPlanner.FunctionalTests.Hosting;

/// <summary>Seed:Demo creates "Demo Company" once; restarts change nothing.</summary>
public sealed class DemoSeedTests
{
    [Test]
    public async Task The_configured_demo_key_works_and_a_restart_adds_nothing()
    {
        await using var database = new SqliteTestDatabase();
        var settings = new Dictionary<string, string?> { ["Seed:Demo"] = "true", ["Seed:DemoApiKey"] = "anip_demo_for_tests" };

        for (var start = 0; start < 2; start++)
        {
            await using var factory = new AniPlannerFactory(database, settings);
            using var client = factory.CreateClient();
            using var response = await client.GetAsync("/v1.0/outplans?token=anip_demo_for_tests");
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(await CountsAsync(factory), Is.EqualTo((1, 1)), $"after start {start + 1}: one customer, one key");
        }
    }

    [Test]
    public async Task A_configured_demo_key_without_the_access_key_prefix_works_too()
    {
        await using var database = new SqliteTestDatabase();
        const string token = "my-own-demo-key-0123456789";
        await using var factory = new AniPlannerFactory(database, new Dictionary<string, string?> { ["Seed:Demo"] = "true", ["Seed:DemoApiKey"] = token });
        using var client = factory.CreateClient();

        using var byQuery = await client.GetAsync($"/v1.0/outplans?token={token}");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1.0/outplans") { Headers = { Authorization = new("Bearer", token) } };
        using var byHeader = await client.SendAsync(request);

        Assert.That((byQuery.StatusCode, byHeader.StatusCode), Is.EqualTo((HttpStatusCode.OK, HttpStatusCode.OK)));
    }

    [Test]
    public async Task Without_a_configured_key_one_random_key_is_issued_once()
    {
        await using var database = new SqliteTestDatabase();
        var settings = new Dictionary<string, string?> { ["Seed:Demo"] = "true", ["Seed:DemoApiKey"] = "" };

        for (var start = 0; start < 2; start++)
        {
            await using var factory = new AniPlannerFactory(database, settings);
            factory.CreateClient().Dispose();
            Assert.That(await CountsAsync(factory), Is.EqualTo((1, 1)), $"after start {start + 1}");
            Assert.That(factory.Logs.Lines, Has.Some.Contains("Demo Company"));
        }
    }

    [Test]
    public async Task Seed_is_off_unless_asked_for()
    {
        await using var database = new SqliteTestDatabase();
        await using var factory = new AniPlannerFactory(database);
        factory.CreateClient().Dispose();

        Assert.That(await CountsAsync(factory), Is.EqualTo((0, 0)));
    }

    private static async Task<(int Customers, int Keys)> CountsAsync(AniPlannerFactory factory)
    {
        using var scope = factory.Services.CreateScope();
        var context = scope.ServiceProvider.GetRequiredService<AniPlannerDbContext>();
        return (await context.Customers.CountAsync(), await context.AccessKeys.CountAsync());
    }
}
