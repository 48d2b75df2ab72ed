using System.Net;
using System.Text;
using AniPlanner.FunctionalTests.Infrastructure;

namespace AniPlanner.FunctionalTests.Hosting;

/// <summary>
/// A platform key that is set but shorter than 32 characters stops start-up, in every
/// environment, saying why and how to make one; an empty one disables platform administration.
/// </summary>
public sealed class AdminKeySettingTests
{
    private const string Refusal = "Admin:ApiKey is set but shorter than 32 characters";

    [TestCase("Testing", "tiny-key")]
    [TestCase("Production", "0123456789012345678901234567890")]
    public async Task A_short_admin_key_stops_start_up_saying_how_to_make_one(string environment, string key)
    {
        await using var database = new SqliteTestDatabase();
        await using var factory = new AniPlannerFactory(database, new Dictionary<string, string?>
        {
            ["Admin:ApiKey"] = key,
            ["Auth:JwtSigningKey"] = new string('k', 32),
        }) { EnvironmentName = environment };

        var failure = Assert.Catch(() => factory.CreateClient().Dispose());

        Assert.That(failure!.Message, Does.StartWith(Refusal).And.Contain("openssl rand -base64 48").And.Not.Contain(key));
    }

    [Test]
    public async Task A_key_of_32_characters_manages_customers()
    {
        await using var database = new SqliteTestDatabase();
        var key = new string('a', 32);
        await using var factory = new AniPlannerFactory(database, new Dictionary<string, string?> { ["Admin:ApiKey"] = key });
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1.0/customers")
        {
            Content = new StringContent("""{"name": "First"}""", Encoding.UTF8, "application/json"),
            Headers = { Authorization = new("Bearer", key) },
        };

        using var response = await client.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task The_service_process_exits_with_the_message_alone()
    {
        var directory = Directory.CreateTempSubdirectory("aniplanner-adminkey-").FullName;
        try
        {
            await using var server = await PublishedService.StartAsync(new Dictionary<string, string>
            {
                ["ConnectionStrings__AniPlanner"] = $"Data Source={Path.Combine(directory, "never.db")}",
                ["Auth__JwtSigningKey"] = new string('s', 40),
                ["Admin__ApiKey"] = "choose-one",
            });

            var exitCode = await server.WaitForExitAsync(TimeSpan.FromSeconds(60));

            var output = string.Join("\n", server.Output);
            Assert.That(exitCode, Is.EqualTo(1), output);
            Assert.That(server.Output, Has.Some.StartsWith($"AniPlanner cannot start: {Refusal}"));
            Assert.That(output, Does.Not.Contain("   at ").And.Not.Contain("choose-one"));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
