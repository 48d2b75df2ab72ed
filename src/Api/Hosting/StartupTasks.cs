using System.Data.Common;
using AniPlanner.Api.Authentication;
using AniPlanner.Application.AniPlanning.ImportDials;
using AniPlanner.Application.AniPlanning.SeedDemoPlannerData;
using AniPlanner.Application.Common.Time;
using AniPlanner.Application.Identity.Common;
using AniPlanner.Application.Identity.ReviewCredentials;
using AniPlanner.Application.Identity.SeedDemoCompany;
using AniPlanner.Application.Outplans.SeedDemoOutplans;
using AniPlanner.Infrastructure.AniPlanning.ReferenceData;
using AniPlanner.Infrastructure.Identity;
using AniPlanner.Infrastructure.Persistence;
using AniPlanner.Infrastructure.Redis;
using Mediator;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace AniPlanner.Api.Hosting;

/// <summary>
/// What runs once before the service takes requests: settings checks, migrations, reference
/// data, the demo seed, then a review of who can get in.
/// </summary>
public static partial class StartupTasks
{
    public static async Task RunAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(StartupTasks));
        var provider = services.GetRequiredService<IOptions<DatabaseOptions>>().Value.Provider;
        LogStarting(logger, services.GetRequiredService<IHostEnvironment>().EnvironmentName, provider);
        LogAddressesOnceListening(services, logger);

        // A wrong setting fails start-up at once, saying what to fix (see InvalidSettings): a short
        // platform key, (in Production) a missing login-token signing key, a throttling number
        // that cannot work, a Redis configuration string that does not parse.
        _ = services.GetRequiredService<IOptions<AdminOptions>>().Value;
        _ = services.GetRequiredService<ILoginTokens>();
        _ = services.GetRequiredService<IOptions<AuthThrottlingOptions>>().Value;
        if (services.GetRequiredService<IOptions<RedisOptions>>().Value.IsConfigured)
        {
            await services.GetRequiredService<RedisConnection>().ConnectAsync();
        }

        // Makes the decoy password hash now, so no login pays for it.
        _ = services.GetRequiredService<IPasswordHashing>();

        RequireDemoPasswordInProduction(services);
        RequireTimeZoneDatabase();

        await using var scope = services.CreateAsyncScope();
        var database = scope.ServiceProvider.GetRequiredService<DatabaseInitializer>();

        // Instances started together on one server database write what follows in turn.
        await using var startupLock = await SayingWhyTheDatabaseFailedAsync(logger, provider, () => database.HoldStartupLockAsync(cancellationToken));
        await SayingWhyTheDatabaseFailedAsync(logger, provider, async () =>
        {
            await database.InitialiseAsync(cancellationToken);
            return true;
        });
        await InitialiseDataAsync(scope.ServiceProvider, database, logger, cancellationToken);
    }

    /// <summary>A database that cannot be reached or migrated is said in one line an operator can act on; the stack trace follows as the process ends.</summary>
    private static async Task<T> SayingWhyTheDatabaseFailedAsync<T>(ILogger logger, DatabaseProvider provider, Func<Task<T>> step)
    {
        try
        {
            return await step();
        }
        catch (Exception failure) when (failure is DbException || failure.InnerException is DbException)
        {
            var cause = failure as DbException ?? (DbException)failure.InnerException!;
            LogDatabaseUnreachable(logger, provider, cause.GetType().FullName!, cause.Message);
            throw;
        }
    }

    /// <summary>What start-up writes once the schema is current: what a crash left, the reference data, the demo.</summary>
    private static async Task InitialiseDataAsync(IServiceProvider services, DatabaseInitializer database, ILogger logger, CancellationToken cancellationToken)
    {
        if (!await database.IsReadyAsync(cancellationToken))
        {
            // Not migrated (MigrateOnStartup off): /health says so; nothing else can run yet.
            return;
        }

        // Before anything reads the dials: an import cut short by a crash can leave rows on SQLite.
        await services.GetRequiredService<IDialStore>().RemoveInterruptedImportsAsync(cancellationToken);
        await services.GetRequiredService<ReferenceDataLoader>().LoadAsync(cancellationToken);

        var configuration = services.GetRequiredService<IConfiguration>();
        if (configuration.GetValue("Seed:Demo", false))
        {
            await SeedDemoAsync(services, configuration, logger, cancellationToken);
        }

        await ReviewCredentialsAsync(services, logger, cancellationToken);
    }

    private static async Task SeedDemoAsync(IServiceProvider services, IConfiguration configuration, ILogger logger, CancellationToken cancellationToken)
    {
        var mediator = services.GetRequiredService<IMediator>();
        var result = await mediator.Send(new SeedDemoCompany(configuration["Seed:DemoApiKey"]?.Trim(), configuration["Seed:DemoPassword"]), cancellationToken);
        LogDemo(logger, result.CustomerId, result.CustomerCreated ? "created" : "already there");
        var dials = await mediator.Send(new SeedDemoPlannerData(result.CustomerId), cancellationToken);
        if (dials > 0)
        {
            LogDemoDials(logger, dials);
        }

        await mediator.Send(new SeedDemoOutplans(result.CustomerId), cancellationToken);

        // Printed once, straight to the console and never through logging, and only in
        // Development: anywhere else standard output is where the logs are collected.
        var development = services.GetRequiredService<IHostEnvironment>().IsDevelopment();
        if (result.IssuedToken is not null)
        {
            if (development)
            {
                Console.WriteLine($"Demo Company access key (shown once, keep it): {result.IssuedToken}");
            }
            else
            {
                LogDemoKeyNotShown(logger);
            }
        }

        if (result.IssuedPassword is not null)
        {
            if (development)
            {
                Console.WriteLine($"Demo Company admin user '{SeedDemoCompanyHandler.DemoUsername}', password (shown once, keep it): {result.IssuedPassword}");
            }
            else
            {
                LogDemoPasswordNotShown(logger, SeedDemoCompanyHandler.DemoUsername);
            }
        }
    }

    /// <summary>
    /// Without Seed:DemoPassword the demo user gets a generated password, which only Development
    /// shows: in Production the demo would be a company nobody can sign in to, so start-up stops
    /// saying what to set (like any other invalid setting, see InvalidSettings).
    /// </summary>
    private static void RequireDemoPasswordInProduction(IServiceProvider services)
    {
        var configuration = services.GetRequiredService<IConfiguration>();
        if (services.GetRequiredService<IHostEnvironment>().IsProduction()
            && configuration.GetValue("Seed:Demo", false)
            && string.IsNullOrWhiteSpace(configuration["Seed:DemoPassword"]))
        {
            throw new OptionsValidationException("Seed", typeof(SeedDemoCompany), [
                "Seed:Demo is on but Seed:DemoPassword is empty: in Production a generated password is never shown (standard output is where " +
                "the logs go). Set Seed:DemoPassword (e.g. Seed__DemoPassword=\"$(openssl rand -base64 24)\"), or turn Seed:Demo off."]);
        }
    }

    /// <summary>
    /// Calling windows and schedule previews read the IANA time-zone database (tzdata). Without it
    /// every callee would quietly be put in UTC, so start-up stops saying what to install.
    /// </summary>
    private static void RequireTimeZoneDatabase()
    {
        if (TimeZoneNames.Find("America/New_York") is null)
        {
            throw new OptionsValidationException("TimeZones", typeof(TimeZoneInfo), [
                "the IANA time-zone database was not found (it is read from /usr/share/zoneinfo, or from the directory TZDIR names), and calling " +
                "windows and schedule previews need it. Install the tzdata package (apt-get install tzdata), as the Dockerfile does."]);
        }
    }

    /// <summary>Warns when nobody can get in, or when the database holds credentials that are refused here.</summary>
    private static async Task ReviewCredentialsAsync(IServiceProvider services, ILogger logger, CancellationToken cancellationToken)
    {
        var review = await services.GetRequiredService<IMediator>().Send(new ReviewCredentials(), cancellationToken);
        if (!review.AnyLiveCustomer && !services.GetRequiredService<IOptions<AdminOptions>>().Value.IsEnabled)
        {
            LogNobodyCanGetIn(logger);
        }

        if (review.DevelopmentAccessKey is { } key)
        {
            LogDevelopmentAccessKeyRefused(logger, key.Id, key.CustomerId);
        }

        if (review.DevelopmentPasswordUser is { } user)
        {
            LogDevelopmentPasswordRefused(logger, SeedDemoCompanyHandler.DemoUsername, user.Id, user.CustomerId);
        }
    }

    /// <summary>Kestrel binds its addresses when the host starts, after these tasks: they are logged then.</summary>
    private static void LogAddressesOnceListening(IServiceProvider services, ILogger logger)
    {
        var server = services.GetRequiredService<IServer>();
        services.GetRequiredService<IHostApplicationLifetime>().ApplicationStarted.Register(() =>
            LogListening(logger, server.Features.Get<IServerAddressesFeature>()?.Addresses is { Count: > 0 } addresses ? string.Join(", ", addresses) : "no address"));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Starting in the {Environment} environment on the {DatabaseProvider} database")]
    private static partial void LogStarting(ILogger logger, string environment, DatabaseProvider databaseProvider);

    [LoggerMessage(Level = LogLevel.Critical, Message =
        "The {DatabaseProvider} database could not be reached or migrated ({ExceptionType}: {Reason}). Check ConnectionStrings:AniPlanner and that the server answers")]
    private static partial void LogDatabaseUnreachable(ILogger logger, DatabaseProvider databaseProvider, string exceptionType, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Listening on {Addresses}")]
    private static partial void LogListening(ILogger logger, string addresses);

    [LoggerMessage(Level = LogLevel.Warning, Message =
        "No customer exists and Admin:ApiKey is empty: nobody can get in. To create the first customer, set Admin:ApiKey to a secret of " +
        "at least 32 characters (e.g. Admin__ApiKey=\"$(openssl rand -base64 48)\"), restart, and POST /v1.0/customers with it as the " +
        "bearer token and a JSON body with the customer's \"name\": the answer holds the customer's admin access key (shown once). " +
        "The README's \"First start in Production\" shows the commands")]
    private static partial void LogNobodyCanGetIn(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message =
        "The database holds the development demo access key (committed in appsettings.Development.json) as access key {AccessKeyId} " +
        "of customer {CustomerId}; it is refused outside the Development environment. Remove it: DELETE /v1.0/accesskeys/{AccessKeyId} " +
        "as another admin of that customer, or DELETE /v1.0/customers/{CustomerId} with the platform key (Admin:ApiKey) to remove the whole customer")]
    private static partial void LogDevelopmentAccessKeyRefused(ILogger logger, Guid accessKeyId, Guid customerId);

    [LoggerMessage(Level = LogLevel.Warning, Message =
        "The database holds the user '{Username}' ({UserId}) of customer {CustomerId} with the development demo password (committed in " +
        "appsettings.Development.json); that password is refused outside the Development environment. Remove it: PUT /v1.0/users/{UserId}/password " +
        "with a new password, or DELETE /v1.0/users/{UserId}, as another admin of that customer, or DELETE /v1.0/customers/{CustomerId} " +
        "with the platform key (Admin:ApiKey) to remove the whole customer")]
    private static partial void LogDevelopmentPasswordRefused(ILogger logger, string username, Guid userId, Guid customerId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo Company: campaigns, ANIs and {Dials} dials seeded for the ANI Planner")]
    private static partial void LogDemoDials(ILogger logger, long dials);

    [LoggerMessage(Level = LogLevel.Warning, Message =
        "Demo Company: a random access key was issued and is not shown outside Development. Set Seed:DemoApiKey to choose the demo key, " +
        "or sign in as the demo user and create one with POST /v1.0/accesskeys")]
    private static partial void LogDemoKeyNotShown(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message =
        "Demo Company: the user '{Username}' got a random password, which is not shown outside Development. Set Seed:DemoPassword before " +
        "its first start, or give it a new password with PUT /v1.0/users/<its id>/password as an admin of the demo company")]
    private static partial void LogDemoPasswordNotShown(ILogger logger, string username);

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo Company {CustomerId}: {State}")]
    private static partial void LogDemo(ILogger logger, Guid customerId, string state);
}
