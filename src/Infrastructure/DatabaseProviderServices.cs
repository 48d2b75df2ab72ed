using AniPlanner.Application.AniPlanning.Common;
using AniPlanner.Application.AniPlanning.ImportDials;
using AniPlanner.Infrastructure.AniPlanning;
using AniPlanner.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AniPlanner.Infrastructure;

/// <summary>
/// Everything that differs by database provider, in one place: how its context connects (each
/// provider's context keeps its own migrations), whether writers take turns, which dial store
/// imports. <see cref="For"/> is the one place a provider is picked.
/// </summary>
internal abstract class DatabaseProviderServices
{
    private static readonly DatabaseProviderServices SqliteServices = new Sqlite();
    private static readonly DatabaseProviderServices SqlServerServices = new SqlServer();
    private static readonly DatabaseProviderServices PostgreSqlServices = new PostgreSql();

    /// <summary>Every provider; each registers its context, since which one is configured is read only when first needed.</summary>
    public static IReadOnlyList<DatabaseProviderServices> All { get; } = [SqliteServices, SqlServerServices, PostgreSqlServices];

    public static DatabaseProviderServices For(DatabaseProvider provider) => provider switch
    {
        DatabaseProvider.SqlServer => SqlServerServices,
        DatabaseProvider.PostgreSql => PostgreSqlServices,
        _ => SqliteServices,
    };

    protected abstract DatabaseProvider Provider { get; }

    public abstract void AddContext(IServiceCollection services);

    /// <summary>The provider's context, as the <see cref="AniPlannerDbContext"/> every repository and store uses.</summary>
    public abstract AniPlannerDbContext Context(IServiceProvider services);

    public abstract IWriteTurns WriteTurns(IServiceProvider services);

    public abstract IDialStore DialStore(IServiceProvider services, AniPlannerDbContext context);

    public abstract IDispositionDials DispositionDials(IServiceProvider services, AniPlannerDbContext context);

    /// <summary>One provider's context type and how it connects.</summary>
    private abstract class Connecting<TContext> : DatabaseProviderServices
        where TContext : AniPlannerDbContext
    {
        /// <summary>
        /// Options are read when the first context is built, not at registration, so configuration
        /// added later (tests, the environment) is honoured. Contexts are pooled: building the options
        /// and finding EF's internal services anew for every request was a tenth of the hot path's
        /// CPU. Nothing a request leaves on a context outlives it (EF resets the tracker, connection
        /// and command timeout on return), and the interceptors are singletons.
        /// </summary>
        public override void AddContext(IServiceCollection services) => services.AddDbContextPool<TContext>((provider, options) =>
            Connect(options, ConnectionString(provider), provider.GetRequiredService<IOptions<DatabaseOptions>>().Value.MaxRetryCount)
                .AddInterceptors(provider.GetRequiredService<AuditingInterceptor>(), provider.GetRequiredService<CommandTracingInterceptor>()));

        public override AniPlannerDbContext Context(IServiceProvider services) => services.GetRequiredService<TContext>();

        /// <summary>Where the database is when ConnectionStrings:AniPlanner is not set; a server database has none.</summary>
        protected virtual string? DefaultConnectionString => null;

        protected abstract DbContextOptionsBuilder Connect(DbContextOptionsBuilder options, string connectionString, int maxRetryCount);

        private string ConnectionString(IServiceProvider provider)
        {
            var configured = provider.GetRequiredService<IConfiguration>().GetConnectionString(DatabaseOptions.ConnectionStringName);
            return !string.IsNullOrWhiteSpace(configured) ? configured
                : DefaultConnectionString ?? throw new InvalidOperationException(
                    $"Database:Provider is {Provider} but ConnectionStrings:{DatabaseOptions.ConnectionStringName} is not set.");
        }
    }

    /// <summary>One writer at a time: every write of the process waits its turn at the write gate.</summary>
    private sealed class Sqlite : Connecting<SqliteAniPlannerDbContext>
    {
        protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;

        protected override string DefaultConnectionString => DatabaseOptions.DefaultSqliteConnectionString;

        public override IWriteTurns WriteTurns(IServiceProvider services) => services.GetRequiredService<SqliteWriteGate>();

        public override IDialStore DialStore(IServiceProvider services, AniPlannerDbContext context) =>
            ActivatorUtilities.CreateInstance<SqliteDialStore>(services, context);

        public override IDispositionDials DispositionDials(IServiceProvider services, AniPlannerDbContext context) =>
            ActivatorUtilities.CreateInstance<AniPlanning.DispositionDials.Sqlite>(services, context);

        protected override DbContextOptionsBuilder Connect(DbContextOptionsBuilder options, string connectionString, int maxRetryCount) =>
            options.UseSqlite(connectionString);
    }

    private sealed class SqlServer : Connecting<SqlServerAniPlannerDbContext>
    {
        protected override DatabaseProvider Provider => DatabaseProvider.SqlServer;

        public override IWriteTurns WriteTurns(IServiceProvider services) => new FreeWriteTurns();

        public override IDialStore DialStore(IServiceProvider services, AniPlannerDbContext context) => new SqlServerDialStore(context);

        public override IDispositionDials DispositionDials(IServiceProvider services, AniPlannerDbContext context) => new AniPlanning.DispositionDials.SqlServer(context);

        protected override DbContextOptionsBuilder Connect(DbContextOptionsBuilder options, string connectionString, int maxRetryCount) =>
            options.UseSqlServer(connectionString, sql => sql.EnableRetryOnFailure(maxRetryCount));
    }

    private sealed class PostgreSql : Connecting<PostgreSqlAniPlannerDbContext>
    {
        protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;

        public override IWriteTurns WriteTurns(IServiceProvider services) => new FreeWriteTurns();

        public override IDialStore DialStore(IServiceProvider services, AniPlannerDbContext context) => new PostgreSqlDialStore(context);

        public override IDispositionDials DispositionDials(IServiceProvider services, AniPlannerDbContext context) => new AniPlanning.DispositionDials.PostgreSql(context);

        protected override DbContextOptionsBuilder Connect(DbContextOptionsBuilder options, string connectionString, int maxRetryCount) =>
            options.UseNpgsql(PostgreSqlConnectionDefaults.Apply(connectionString), npgsql => npgsql.EnableRetryOnFailure(maxRetryCount));
    }
}
