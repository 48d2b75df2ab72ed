using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace AniPlanner.Infrastructure.Redis;

/// <summary>
/// The one connection to the configured Redis, and whether it works: an outage is logged once
/// when it begins and once when it ends, however many requests meet it.
/// </summary>
public sealed partial class RedisConnection(IOptions<RedisOptions> options, ILogger<RedisConnection> logger) : IDisposable
{
    // Connected asynchronously: callers waiting for the first connection hold no thread (many
    // blocked ones starve the pool that the connection itself needs).
    private readonly Lazy<Task<ConnectionMultiplexer>> _multiplexer = new(() => ConnectionMultiplexer.ConnectAsync(options.Value.ToConnectionOptions()));
    private int _down;

    public async Task<IDatabase> DatabaseAsync() => (await _multiplexer.Value).GetDatabase();

    /// <summary>The connection itself, for publishing, subscribing and its connection events.</summary>
    public Task<ConnectionMultiplexer> MultiplexerAsync() => _multiplexer.Value;

    /// <summary>What a Redis that is down, restarting or too slow throws.</summary>
    public static bool IsOutage(Exception exception) => exception is RedisException or TimeoutException;

    /// <summary>Connects now (at start-up), so no request waits for it; a Redis that is down is logged, and retried in the background.</summary>
    public async Task ConnectAsync()
    {
        if (!(await _multiplexer.Value).IsConnected)
        {
            Failed(new RedisConnectionException(ConnectionFailureType.UnableToConnect, "not connected at start-up"));
        }
    }

    public void Succeeded()
    {
        if (Interlocked.Exchange(ref _down, 0) == 1)
        {
            LogBack(logger);
        }
    }

    public void Failed(Exception exception)
    {
        if (Interlocked.Exchange(ref _down, 1) == 0)
        {
            LogDown(logger, exception.GetType().Name, exception.Message);
        }
    }

    public void Dispose()
    {
        if (_multiplexer.IsValueCreated && _multiplexer.Value.IsCompletedSuccessfully)
        {
            _multiplexer.Value.Result.Dispose();
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Redis is unreachable ({Exception}: {Reason}): logins are refused, access key checks and request rates are counted per instance until it is back.")]
    private static partial void LogDown(ILogger logger, string exception, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Redis is reachable again: logins and request rates are counted there, shared by every instance.")]
    private static partial void LogBack(ILogger logger);
}
