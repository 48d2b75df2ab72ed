using AniPlanner.Application.AniPlanning.Common;
using AniPlanner.Application.AniPlanning.ImportDials;
using AniPlanner.Application.Common.Persistence;
using AniPlanner.Application.Identity.Common;
using AniPlanner.Infrastructure.AniPlanning;
using AniPlanner.Infrastructure.Identity;
using AniPlanner.Infrastructure.AniPlanning.ReferenceData;
using AniPlanner.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
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

        // Every provider's context is registered; the configured one is resolved as the
        // AniPlannerDbContext. Options are read when a context is built, not at registration,
        // so configuration added later (tests, environment) is honoured.
        services.AddSingleton<AuditingInterceptor>();
        services.AddSingleton<CommandTracingInterceptor>();
        services.AddSingleton<SqliteWriteGate>();
        services.AddSingleton<IWriteTurns>(provider => ConfiguredProvider(provider) == DatabaseProvider.Sqlite
            ? provider.GetRequiredService<SqliteWriteGate>() : new FreeWriteTurns());
        services.AddSingleton<SqliteDialImportTurns>();
        services.AddDbContext<SqliteAniPlannerDbContext>((provider, options) => options
            .UseSqlite(ConnectionString(provider, DatabaseProvider.Sqlite))
            .AddInterceptors(Interceptors(provider)));
        services.AddDbContext<SqlServerAniPlannerDbContext>((provider, options) => options
            .UseSqlServer(ConnectionString(provider, DatabaseProvider.SqlServer), sql => sql.EnableRetryOnFailure(MaxRetryCount(provider)))
            .AddInterceptors(Interceptors(provider)));
        services.AddDbContext<PostgreSqlAniPlannerDbContext>((provider, options) => options
            .UseNpgsql(ConnectionString(provider, DatabaseProvider.PostgreSql), npgsql => npgsql.EnableRetryOnFailure(MaxRetryCount(provider)))
            .AddInterceptors(Interceptors(provider)));
        services.AddScoped<AniPlannerDbContext>(provider => ConfiguredProvider(provider) switch
        {
            DatabaseProvider.SqlServer => provider.GetRequiredService<SqlServerAniPlannerDbContext>(),
            DatabaseProvider.PostgreSql => provider.GetRequiredService<PostgreSqlAniPlannerDbContext>(),
            _ => provider.GetRequiredService<SqliteAniPlannerDbContext>(),
        });

        services.AddScoped(typeof(IRepository<>), typeof(EfRepository<>));
        services.AddScoped<IPlanningQueries, PlanningQueries>();
        services.AddScoped<IDialStore>(provider =>
        {
            var context = provider.GetRequiredService<AniPlannerDbContext>();
            return ConfiguredProvider(provider) switch
            {
                DatabaseProvider.SqlServer => new SqlServerDialStore(context),
                DatabaseProvider.PostgreSql => new PostgreSqlDialStore(context),
                _ => ActivatorUtilities.CreateInstance<SqliteDialStore>(provider, context),
            };
        });
        services.AddSingleton<PhoneGeographyHolder>();
        services.AddSingleton<IPhoneGeography>(provider => provider.GetRequiredService<PhoneGeographyHolder>());
        services.AddScoped<ReferenceDataLoader>();
        services.AddOptions<AuthOptions>().BindConfiguration(AuthOptions.Section);
        services.AddSingleton<IPasswordHashing, PasswordHashing>();
        AddAuthThrottling(services);
        services.AddSingleton<ILoginTokens, JwtLoginTokens>();
        services.AddScoped<DatabaseInitializer>();
        return services;
    }

    /// <summary>In memory, so per instance; the options stop start-up, saying what to fix, when a number cannot work.</summary>
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
        services.AddSingleton<IAuthenticationThrottle, InMemoryAuthenticationThrottle>();
    }

    private static DatabaseProvider ConfiguredProvider(IServiceProvider provider) =>
        provider.GetRequiredService<IOptions<DatabaseOptions>>().Value.Provider;

    private static int MaxRetryCount(IServiceProvider provider) =>
        provider.GetRequiredService<IOptions<DatabaseOptions>>().Value.MaxRetryCount;

    private static IInterceptor[] Interceptors(IServiceProvider provider) =>
        [provider.GetRequiredService<AuditingInterceptor>(), provider.GetRequiredService<CommandTracingInterceptor>()];

    private static string ConnectionString(IServiceProvider provider, DatabaseProvider expected)
    {
        var configured = provider.GetRequiredService<IConfiguration>().GetConnectionString(DatabaseOptions.ConnectionStringName);
        return !string.IsNullOrWhiteSpace(configured) ? configured
            : expected == DatabaseProvider.Sqlite ? DatabaseOptions.DefaultSqliteConnectionString
            : throw new InvalidOperationException(
                $"Database:Provider is {expected} but ConnectionStrings:{DatabaseOptions.ConnectionStringName} is not set.");
    }
}
