using AniPlanner.Application.Identity.Common;
using AniPlanner.FunctionalTests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace AniPlanner.FunctionalTests.Hosting;

/// <summary>
/// Production refuses to start without a proper login-token signing key, and tells an operator
/// who started it with nothing else how to let the first customer in.
/// </summary>
public sealed class ProductionStartupTests
{
    [TestCase(null)]
    [TestCase("too-short-a-key")]
    public async Task Production_start_up_fails_without_a_long_enough_signing_key(string? key)
    {
        await using var database = new SqliteTestDatabase();
        await using var factory = new ProductionFactory(database, new Dictionary<string, string?> { ["Auth:JwtSigningKey"] = key });

        var failure = Assert.Catch(() => factory.CreateClient().Dispose());

        Assert.That(failure!.ToString(), Does.Contain("Auth:JwtSigningKey must be set to a secret of at least 32 bytes in Production"));
    }

    [Test]
    public async Task Production_refuses_the_development_signing_key()
    {
        await using var database = new SqliteTestDatabase();
        await using var factory = new ProductionFactory(database, new Dictionary<string, string?> { ["Auth:JwtSigningKey"] = DevelopmentCredentials.JwtSigningKey });

        var failure = Assert.Catch(() => factory.CreateClient().Dispose());

        Assert.That(failure!.ToString(), Does.Contain("Auth:JwtSigningKey is the development key committed in appsettings.Development.json"));
    }

    [Test]
    public async Task Production_starts_with_a_long_enough_signing_key()
    {
        await using var database = new SqliteTestDatabase();
        await using var factory = new ProductionFactory(database, new Dictionary<string, string?> { ["Auth:JwtSigningKey"] = new string('k', 32) });

        using var client = factory.CreateClient();

        Assert.That((await client.GetAsync("/health")).IsSuccessStatusCode, Is.True);
        Assert.That(factory.Logs.Lines, Has.None.Contains(NobodyCanGetIn), "the platform key can create the first customer");
    }

    [Test]
    public async Task With_no_customer_and_no_platform_key_start_up_says_how_to_create_the_first_customer()
    {
        await using var database = new SqliteTestDatabase();
        await using var factory = new ProductionFactory(database, new Dictionary<string, string?>
        {
            ["Auth:JwtSigningKey"] = new string('k', 32),
            ["Admin:ApiKey"] = "",
        });

        factory.CreateClient().Dispose();

        Assert.That(factory.Logs.Lines, Has.One.StartsWith("Warning").And.Contains(NobodyCanGetIn)
            .And.Contains("Admin__ApiKey=\"$(openssl rand -base64 48)\"").And.Contains("POST /v1.0/customers"));
    }

    private const string NobodyCanGetIn = "No customer exists and Admin:ApiKey is empty: nobody can get in";

    private sealed class ProductionFactory(TestDatabase database, IReadOnlyDictionary<string, string?> settings) : AniPlannerFactory(database, settings)
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment("Production");
        }
    }
}
