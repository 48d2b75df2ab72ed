using AniPlanner.Application.Identity.Common;
using AniPlanner.FunctionalTests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace AniPlanner.FunctionalTests.Hosting;

/// <summary>
/// Production refuses to start without a proper login-token signing key (no environment but
/// Development takes the committed one) or with a demo seed whose password would be generated,
/// never prints a generated demo secret where its logs go, and tells an operator who started it
/// with nothing else how to let the first customer in.
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

    [TestCase("Production")]
    [TestCase("Staging")]
    [TestCase("Testing")]
    public async Task Every_environment_but_Development_refuses_the_development_signing_key(string environment)
    {
        await using var database = new SqliteTestDatabase();
        await using var factory = new AniPlannerFactory(database, new Dictionary<string, string?> { ["Auth:JwtSigningKey"] = DevelopmentCredentials.JwtSigningKey })
        {
            EnvironmentName = environment,
        };

        var failure = Assert.Catch(() => factory.CreateClient().Dispose());

        Assert.That(failure!.ToString(), Does.Contain("Auth:JwtSigningKey is the development key committed in appsettings.Development.json"));
    }

    [TestCase(null)]
    [TestCase("  ")]
    public async Task Production_refuses_the_demo_seed_without_a_demo_password(string? password)
    {
        await using var database = new SqliteTestDatabase();
        await using var factory = new ProductionFactory(database, new Dictionary<string, string?>
        {
            ["Auth:JwtSigningKey"] = new string('k', 32),
            ["Seed:Demo"] = "true",
            ["Seed:DemoApiKey"] = "a-demo-key-of-our-own",
            ["Seed:DemoPassword"] = password,
        });

        var failure = Assert.Catch(() => factory.CreateClient().Dispose());

        Assert.That(failure!.Message, Does.StartWith("Seed:Demo is on but Seed:DemoPassword is empty").And.Contain("Seed__DemoPassword="));
    }

    [Test]
    public async Task The_published_service_refuses_the_demo_seed_without_a_password_in_one_line_and_exit_code_1()
    {
        var (exitCode, output) = await RefusedPublishedStartAsync(new() { ["Seed__Demo"] = "true" });

        Assert.That(exitCode, Is.EqualTo(1), string.Join("\n", output));
        Assert.That(output, Has.Some.StartsWith("AniPlanner cannot start: Seed:Demo is on but Seed:DemoPassword is empty"));
        Assert.That(string.Join("\n", output), Does.Not.Contain("   at ").And.Not.Contain("password (shown once"));
    }

    [Test]
    public async Task The_published_service_without_a_time_zone_database_says_to_install_tzdata_and_exits_1()
    {
        // .NET reads the zones from TZDIR when it is set: a folder that is not there is a machine without tzdata.
        var (exitCode, output) = await RefusedPublishedStartAsync(new() { ["TZDIR"] = Path.Combine(Path.GetTempPath(), "aniplanner-no-zoneinfo") });

        Assert.That(exitCode, Is.EqualTo(1), string.Join("\n", output));
        Assert.That(output, Has.Some.StartsWith("AniPlanner cannot start: the IANA time-zone database was not found").And.Contain("apt-get install tzdata"));
    }

    /// <summary>The published build started in Production with a signing key, a database in a fresh folder and <paramref name="settings"/>, run until it exits.</summary>
    private static async Task<(int? ExitCode, IReadOnlyList<string> Output)> RefusedPublishedStartAsync(Dictionary<string, string> settings)
    {
        var directory = Directory.CreateTempSubdirectory("aniplanner-refused-").FullName;
        try
        {
            settings["ConnectionStrings__AniPlanner"] = $"Data Source={Path.Combine(directory, "never.db")}";
            settings["Auth__JwtSigningKey"] = new string('s', 40);
            await using var server = await PublishedService.StartAsync(settings);
            var exitCode = await server.WaitForExitAsync(TimeSpan.FromSeconds(60));
            return (exitCode, [.. server.Output]);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [TestCase("Production")]
    [TestCase("Staging")]
    public async Task Outside_Development_a_generated_demo_secret_is_never_printed(string environment)
    {
        await using var database = new SqliteTestDatabase();
        await using var factory = new AniPlannerFactory(database, new Dictionary<string, string?>
        {
            ["Auth:JwtSigningKey"] = new string('k', 32),
            ["Seed:Demo"] = "true",
            ["Seed:DemoApiKey"] = "",
            ["Seed:DemoPassword"] = environment == "Production" ? "a-demo-password-of-our-own" : "",
        })
        {
            EnvironmentName = environment,
        };

        var console = await StandardOutputOfAsync(() => factory.CreateClient().Dispose());

        Assert.That(console, Does.Not.Contain("shown once"));
        Assert.That(factory.Logs.Lines, Has.Some.StartsWith("Warning").And.Contains("a random access key was issued and is not shown outside Development"));
        if (environment != "Production")
        {
            Assert.That(factory.Logs.Lines, Has.Some.StartsWith("Warning").And.Contains("got a random password, which is not shown outside Development"));
        }
    }

    [Test]
    public async Task In_Development_a_generated_demo_secret_is_printed_once_to_the_console()
    {
        await using var database = new SqliteTestDatabase();
        await using var factory = new AniPlannerFactory(database, new Dictionary<string, string?> { ["Seed:Demo"] = "true", ["Seed:DemoApiKey"] = "", ["Seed:DemoPassword"] = "" })
        {
            EnvironmentName = "Development",
        };

        var console = await StandardOutputOfAsync(() => factory.CreateClient().Dispose());

        Assert.That(console, Does.Contain("Demo Company access key (shown once, keep it): anip_").And.Contain("password (shown once, keep it): "));
    }

    /// <summary>What the service printed (straight to the console, not through logging) while <paramref name="start"/> ran.</summary>
    private static async Task<string> StandardOutputOfAsync(Action start)
    {
        var original = Console.Out;
        await using var captured = new StringWriter();
        Console.SetOut(captured);
        try
        {
            start();
        }
        finally
        {
            Console.SetOut(original);
        }

        return captured.ToString();
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
