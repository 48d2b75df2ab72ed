using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AniPlanner.FunctionalTests.Infrastructure;

/// <summary>The real service, in memory, on a test database, with every log line captured.</summary>
public class AniPlannerFactory(TestDatabase database, IReadOnlyDictionary<string, string?>? settings = null)
    : WebApplicationFactory<Program>
{
    public const string AdminKey = "test-admin-key-5f0c-0123456789abcdef";

    /// <summary>A request header that sets the client address the service sees (the test server has none).</summary>
    public const string ClientAddressHeader = "X-Test-Client-Address";

    public CapturedLogs Logs { get; } = new();

    /// <summary>The service's clock; real time unless a test pins it.</summary>
    public TestClock Clock { get; } = new();

    public TestDatabase Database => database;

    /// <summary>The hosting environment; "Testing" unless a test is about another one.</summary>
    public string EnvironmentName { get; init; } = "Testing";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(EnvironmentName);
        builder.UseSetting("Database:Provider", database.Kind.ToString());
        builder.UseSetting("ConnectionStrings:AniPlanner", database.ConnectionString);
        builder.UseSetting("Admin:ApiKey", AdminKey);
        builder.UseSetting("Seed:Demo", "false");

        // Every test shares one (absent) client address, and the service runs for the whole test
        // run: only the throttling tests, on their own service, set a lower limit.
        builder.UseSetting("Auth:Throttling:FailuresPerAddress", "1000000");
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            services.AddTransient<IStartupFilter, ClientAddressFromHeader>();
        });
        builder.ConfigureLogging(logging =>
        {
            logging.AddProvider(Logs);

            // Ask for everything: the service must keep secrets out even at Trace.
            logging.AddFilter<CapturedLogs>(category: null, LogLevel.Trace);
        });
    }
}

/// <summary>Lets a test speak from several addresses: the first middleware takes the address from <see cref="AniPlannerFactory.ClientAddressHeader"/>.</summary>
internal sealed class ClientAddressFromHeader : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) =>
        {
            if (IPAddress.TryParse(context.Request.Headers[AniPlannerFactory.ClientAddressHeader].ToString(), out var address))
            {
                context.Connection.RemoteIpAddress = address;
            }

            return nextMiddleware(context);
        });
        next(app);
    };
}

/// <summary>Every formatted log message the service wrote, for tests that read the logs.</summary>
public sealed class CapturedLogs : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _lines = new();

    public IReadOnlyCollection<string> Lines => _lines;

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _lines);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            lines.Enqueue($"{logLevel} {category}: {formatter(state, exception)} {exception}");
    }
}
