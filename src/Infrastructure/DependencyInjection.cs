using AniPlanner.Application.AniPlanning.Common;
using AniPlanner.Application.AniPlanning.ImportDials;
using AniPlanner.Application.Common.Persistence;
using AniPlanner.Application.Identity.Common;
using AniPlanner.Infrastructure.AniPlanning;
using AniPlanner.Infrastructure.AniPlanning.ReferenceData;
using AniPlanner.Infrastructure.Identity;
using AniPlanner.Infrastructure.Persistence;
using AniPlanner.Infrastructure.Redis;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AniPlanner.Infrastructure;

public static class DependencyInjection
{
    public static IServiceCollection AddInfrastructure(this IServiceCollection services)
    {
        services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.Section)
            .Validate(database => database.MaxRetryCount is >= 0 and <= DatabaseOptions.MaxRetryCountLimit,
                $"Database:MaxRetryCount must be a whole number from 0 to {DatabaseOptions.MaxRetryCountLimit}.")
            .ValidateOnStart();

        // Every provider's context is registered; the configured one is picked once, when first
        // needed (DatabaseProviderServices), and resolved as the AniPlannerDbContext, the write
        // turns and the dial store.
        services.AddSingleton<AuditingInterceptor>();
        services.AddSingleton<CommandTracingInterceptor>();
        services.AddSingleton<SqliteWriteGate>();
        services.AddSingleton<SqliteDialImportTurns>();
        foreach (var database in DatabaseProviderServices.All)
        {
            database.AddContext(services);
        }

        services.AddSingleton(provider => DatabaseProviderServices.For(provider.GetRequiredService<IOptions<DatabaseOptions>>().Value.Provider));
        services.AddSingleton<IWriteTurns>(provider => provider.GetRequiredService<DatabaseProviderServices>().WriteTurns(provider));
        services.AddScoped<AniPlannerDbContext>(provider => provider.GetRequiredService<DatabaseProviderServices>().Context(provider));
        services.AddScoped<IDialStore>(provider =>
            provider.GetRequiredService<DatabaseProviderServices>().DialStore(provider, provider.GetRequiredService<AniPlannerDbContext>()));
        services.AddScoped<IDispositionDials>(provider =>
            provider.GetRequiredService<DatabaseProviderServices>().DispositionDials(provider, provider.GetRequiredService<AniPlannerDbContext>()));

        services.AddScoped(typeof(IRepository<>), typeof(EfRepository<>));
        services.AddScoped<IPlanningQueries, PlanningQueries>();
        services.AddScoped<AniUsageQueries>();
        services.AddScoped<Application.AniPlanning.AniUsage.IAniUsageQueries, KeptAniUsageQueries>();
        services.AddScoped<IPlannerDataVersions, PlannerDataVersions>();
        services.AddSingleton<PhoneGeographyHolder>();
        services.AddSingleton<IPhoneGeography>(provider => provider.GetRequiredService<PhoneGeographyHolder>());
        services.AddScoped<ReferenceDataLoader>();
        services.AddOptions<AuthOptions>().BindConfiguration(AuthOptions.Section);
        services.AddSingleton<IPasswordHashing, PasswordHashing>();
        AddAuthThrottling(services);
        services.AddSingleton<ILoginTokens, JwtLoginTokens>();
        AddCredentialCache(services);
        services.AddScoped<DatabaseInitializer>();
        return services;
    }

    /// <summary>In memory; with Redis:Configuration set, Redis is its second level and carries every change to the other instances.</summary>
    private static void AddCredentialCache(IServiceCollection services)
    {
        services.AddHybridCache();

        // HybridCache asks for an optional IDistributedCache: none (null) without Redis.
        services.AddSingleton<IDistributedCache>(provider => provider.GetRequiredService<IOptions<RedisOptions>>().Value.IsConfigured
            ? new RedisDistributedCache(provider.GetRequiredService<RedisConnection>())
            : null!);
        services.AddSingleton<SingleInstanceInvalidationBus>();
        services.AddSingleton<RedisCredentialInvalidationBus>();
        services.AddSingleton<ICredentialInvalidationBus>(provider => provider.GetRequiredService<IOptions<RedisOptions>>().Value.IsConfigured
            ? provider.GetRequiredService<RedisCredentialInvalidationBus>()
            : provider.GetRequiredService<SingleInstanceInvalidationBus>());
        services.AddSingleton<ICredentialCache, HybridCredentialCache>();
    }

    /// <summary>In Redis, shared by every instance, when Redis:Configuration is set; else in memory, per instance. The options stop start-up, saying what to fix, when a number cannot work.</summary>
    private static void AddAuthThrottling(IServiceCollection services)
    {
        const string section = AuthThrottlingOptions.Section;
        services.AddOptions<AuthThrottlingOptions>().BindConfiguration(section)
            .Validate(throttling => throttling.FreeLoginFailures >= 1, $"{section}:FreeLoginFailures must be at least 1.")
            .Validate(
                throttling => throttling.FirstDelaySeconds >= 1 && throttling.FirstDelaySeconds <= throttling.MaxDelaySeconds,
                $"{section}:FirstDelaySeconds must be at least 1 and at most {section}:MaxDelaySeconds.")
            .Validate(
                throttling => throttling.LoginFailuresPerUsername > throttling.FreeLoginFailures,
                $"{section}:LoginFailuresPerUsername must be more than {section}:FreeLoginFailures: " +
                "otherwise one address locks a user out everywhere before its own waits begin.")
            .Validate(throttling => throttling.FailuresPerAddress >= 1, $"{section}:FailuresPerAddress must be at least 1.")
            .Validate(throttling => throttling.WindowMinutes >= 1, $"{section}:WindowMinutes must be at least 1.")
            .Validate<IConfiguration>(
                (_, configuration) => AuthThrottlingOptions.ReplacedKeys.All(key => configuration[key] is null),
                $"{string.Join(", ", AuthThrottlingOptions.ReplacedKeys)} are no longer read: login throttling is configured under {section} " +
                "(FreeLoginFailures, FirstDelaySeconds, MaxDelaySeconds, LoginFailuresPerUsername, FailuresPerAddress, WindowMinutes; see the README).")
            .ValidateOnStart();
        services.AddOptions<RedisOptions>().BindConfiguration(RedisOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<RedisOptions>, RedisOptionsValidation>();
        services.AddSingleton<RedisConnection>();
        services.AddSingleton<InMemoryAuthenticationThrottle>();
        services.AddSingleton<RedisAuthenticationThrottle>();
        services.AddSingleton<IAuthenticationThrottle>(provider => provider.GetRequiredService<IOptions<RedisOptions>>().Value.IsConfigured
            ? provider.GetRequiredService<RedisAuthenticationThrottle>()
            : provider.GetRequiredService<InMemoryAuthenticationThrottle>());
    }
}
