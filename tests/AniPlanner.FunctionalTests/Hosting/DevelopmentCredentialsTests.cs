using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AniPlanner.Application.Identity.Common;
using AniPlanner.FunctionalTests.Infrastructure;

namespace AniPlanner.FunctionalTests.Hosting;

/// <summary>
/// The demo credentials committed in appsettings.Development.json work in Development only: a
/// database seeded there and then run anywhere else refuses them, and the start-up log says so.
/// </summary>
public sealed class DevelopmentCredentialsTests
{
    [TestCase("Testing")]
    [TestCase("Production")]
    public async Task A_database_seeded_in_Development_refuses_them_elsewhere_and_says_how_to_remove_them(string environment)
    {
        await using var database = new SqliteTestDatabase();
        await using (var development = Factory(database, "Development", seedDemo: true))
        {
            using var client = development.CreateClient();
            Assert.That(await KeyStatusAsync(client), Is.EqualTo(HttpStatusCode.OK), "the committed key works in Development");
            Assert.That(await LoginStatusAsync(client), Is.EqualTo(HttpStatusCode.OK), "the committed password works in Development");
            Assert.That(Warnings(development), Is.Empty);
        }

        await using var elsewhere = Factory(database, environment, seedDemo: false);
        using var refused = elsewhere.CreateClient();

        Assert.Multiple(async () =>
        {
            Assert.That(await KeyStatusAsync(refused), Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(await LoginStatusAsync(refused), Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(Warnings(elsewhere), Has.Some.Contains("the development demo access key").And.Contains("refused outside the Development environment")
                .And.Contains("DELETE /v1.0/accesskeys/"));
            Assert.That(Warnings(elsewhere), Has.Some.Contains("user 'demo'").And.Contains("the development demo password").And.Contains("PUT /v1.0/users/"));
            Assert.That(elsewhere.Logs.Lines, Has.None.Contains(DevelopmentCredentials.AccessKeyToken).And.None.Contains(DevelopmentCredentials.DemoUserPassword));
        });
    }

    [Test]
    public async Task Outside_Development_the_committed_password_is_refused_for_any_user()
    {
        await using var database = new SqliteTestDatabase();
        await using var factory = new AniPlannerFactory(database, new Dictionary<string, string?>
        {
            ["Seed:Demo"] = "true",
            ["Seed:DemoApiKey"] = "",
            ["Seed:DemoPassword"] = "a-demo-password-of-our-own",
        });
        using var client = factory.CreateClient();
        using var login = await client.PostAsJsonAsync("/auth/login", new { username = "demo", password = "a-demo-password-of-our-own" });
        Assert.That(login.StatusCode, Is.EqualTo(HttpStatusCode.OK), "another password works");
        var token = (await login.Content.ReadFromJsonAsync<JsonObject>())!["token"]!.GetValue<string>();

        // An admin gives a user the committed password: that user still cannot log in with it.
        using var create = new HttpRequestMessage(HttpMethod.Post, "/v1.0/users")
        {
            Headers = { Authorization = new("Bearer", token) },
            Content = JsonContent.Create(new { username = "pat", password = DevelopmentCredentials.DemoUserPassword, permission = "planner" }),
        };
        Assert.That((await client.SendAsync(create)).StatusCode, Is.EqualTo(HttpStatusCode.OK));

        Assert.That(await LoginStatusAsync(client, "pat"), Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    private static AniPlannerFactory Factory(TestDatabase database, string environment, bool seedDemo)
    {
        // Seeded in Development, the demo takes the committed credentials from appsettings.Development.json.
        var settings = new Dictionary<string, string?> { ["Seed:Demo"] = seedDemo ? "true" : "false", ["Auth:JwtSigningKey"] = new string('k', 40) };
        return new AniPlannerFactory(database, settings) { EnvironmentName = environment };
    }

    private static async Task<HttpStatusCode> KeyStatusAsync(HttpClient client)
    {
        using var response = await client.GetAsync($"/v1.0/outplans?token={DevelopmentCredentials.AccessKeyToken}");
        return response.StatusCode;
    }

    private static async Task<HttpStatusCode> LoginStatusAsync(HttpClient client, string username = "demo")
    {
        using var response = await client.PostAsJsonAsync("/auth/login", new { username, password = DevelopmentCredentials.DemoUserPassword });
        return response.StatusCode;
    }

    private static List<string> Warnings(AniPlannerFactory factory) =>
        factory.Logs.Lines.Where(line => line.StartsWith("Warning AniPlanner.Api.Hosting.StartupTasks", StringComparison.Ordinal)).ToList();
}
