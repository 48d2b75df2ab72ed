using System.Diagnostics;
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
        var api = Path.Combine(RepositoryPaths.Root, "src", "Api", "bin", "Debug", "net10.0", "AniPlanner.Api.dll");
        Assert.That(File.Exists(api), Is.True, $"{api} is built with the solution");
        var directory = Directory.CreateTempSubdirectory("aniplanner-adminkey-").FullName;
        try
        {
            var start = new ProcessStartInfo("dotnet", [api, "--urls", "http://127.0.0.1:0"])
            {
                WorkingDirectory = Path.GetDirectoryName(api)!,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
            start.Environment["ConnectionStrings__AniPlanner"] = $"Data Source={Path.Combine(directory, "never.db")}";
            start.Environment["Auth__JwtSigningKey"] = new string('s', 40);
            start.Environment["Admin__ApiKey"] = "choose-one";
            using var server = Process.Start(start)!;
            var output = server.StandardOutput.ReadToEndAsync();
            var errors = server.StandardError.ReadToEndAsync();
            using var stopped = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            await server.WaitForExitAsync(stopped.Token);

            Assert.That(server.ExitCode, Is.EqualTo(1), await output);
            Assert.That((await errors).Trim(), Does.StartWith($"AniPlanner cannot start: {Refusal}").And.Not.Contain("   at ").And.Not.Contain("choose-one"));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
