using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;

namespace AniPlanner.FunctionalTests.Infrastructure;

/// <summary>The real service, in memory, on a test database, with every log line captured.</summary>
public class AniPlannerFactory(TestDatabase database, IReadOnlyDictionary<string, string?>? settings = null)
    : WebApplicationFactory<Program>
{
    public const string AdminKey = "test-admin-key-5f0c-0123456789abcdef";

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

        // Every test shares one (absent) client address: only the IP-throttling test lowers this.
        builder.UseSetting("Auth:LoginFailuresPerIp", "1000");
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
        builder.ConfigureLogging(logging =>
        {
            logging.AddProvider(Logs);

            // Ask for everything: the service must keep secrets out even at Trace.
            logging.AddFilter<CapturedLogs>(category: null, LogLevel.Trace);
        });
    }
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
