using AniPlanner.Api.Identity;
using AniPlanner.Application.AniPlanning.SeedDemoPlannerData;
using AniPlanner.Application.Identity.Common;
using AniPlanner.Application.Identity.SeedDemoCompany;
using AniPlanner.Infrastructure.AniPlanning.ReferenceData;
using AniPlanner.Infrastructure.Persistence;
using Mediator;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace AniPlanner.Api.Hosting;

/// <summary>What runs once before the service takes requests: migrations, then the demo seed.</summary>
public static partial class StartupTasks
{
    public static async Task RunAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(StartupTasks));
        LogStarting(logger, services.GetRequiredService<IHostEnvironment>().EnvironmentName, services.GetRequiredService<IOptions<DatabaseOptions>>().Value.Provider);
        LogAddressesOnceListening(services, logger);

        // A wrong setting fails start-up at once, saying what to fix (see InvalidSettings): a short
        // platform key, or (in Production) a missing login-token signing key.
        _ = services.GetRequiredService<IOptions<AdminOptions>>().Value;
        _ = services.GetRequiredService<ILoginTokens>();

        await using var scope = services.CreateAsyncScope();
        var database = scope.ServiceProvider.GetRequiredService<DatabaseInitializer>();
        await database.InitialiseAsync(cancellationToken);
        if (!await database.IsReadyAsync(cancellationToken))
        {
            // Not migrated (MigrateOnStartup off): /health says so; nothing else can run yet.
            return;
        }

        await scope.ServiceProvider.GetRequiredService<ReferenceDataLoader>().LoadAsync(cancellationToken);

        var configuration = scope.ServiceProvider.GetRequiredService<IConfiguration>();
        if (!configuration.GetValue("Seed:Demo", false))
        {
            return;
        }

        var result = await scope.ServiceProvider.GetRequiredService<IMediator>()
            .Send(new SeedDemoCompany(configuration["Seed:DemoApiKey"], configuration["Seed:DemoPassword"]), cancellationToken);
        LogDemo(logger, result.CustomerId, result.CustomerCreated ? "created" : "already there");
        var dials = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new SeedDemoPlannerData(result.CustomerId), cancellationToken);
        if (dials > 0)
        {
            LogDemoDials(logger, dials);
        }

        if (result.IssuedToken is not null)
        {
            // Printed once, straight to the console and never through logging: tokens stay out of logs.
            Console.WriteLine($"Demo Company access key (shown once, keep it): {result.IssuedToken}");
        }

        if (result.IssuedPassword is not null)
        {
            Console.WriteLine($"Demo Company admin user '{SeedDemoCompanyHandler.DemoUsername}', password (shown once, keep it): {result.IssuedPassword}");
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

    [LoggerMessage(Level = LogLevel.Information, Message = "Listening on {Addresses}")]
    private static partial void LogListening(ILogger logger, string addresses);

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo Company: campaigns, ANIs and {Dials} dials seeded for the ANI Planner")]
    private static partial void LogDemoDials(ILogger logger, long dials);

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo Company {CustomerId}: {State}")]
    private static partial void LogDemo(ILogger logger, Guid customerId, string state);
}
