using AniPlanner.Infrastructure.Redis;
using StackExchange.Redis;

namespace AniPlanner.Infrastructure.Identity;

/// <summary>
/// Credential changes published on a Redis channel every instance subscribes to. Pub/sub keeps
/// nothing for a subscriber that is away, so an instance is deaf from the moment its connection
/// fails until it has subscribed again, and forgets everything at both ends of that time.
/// </summary>
public sealed class RedisCredentialInvalidationBus(RedisConnection redis) : ICredentialInvalidationBus, IDisposable
{
    private static readonly RedisChannel Channel = RedisChannel.Literal("aniplanner:credential-invalidations");

    private readonly CancellationTokenSource _stopping = new();
    private Func<string, ValueTask> _forget = _ => ValueTask.CompletedTask;
    private volatile bool _hearsOthers;

    public bool HearsOthers => _hearsOthers;

    public async ValueTask PublishAsync(string tag, CancellationToken cancellationToken)
    {
        try
        {
            await (await redis.MultiplexerAsync()).GetSubscriber().PublishAsync(Channel, tag);
            redis.Succeeded();
        }
        catch (Exception outage) when (RedisConnection.IsOutage(outage))
        {
            // The change is made; instances that share the outage are deaf and cache nothing, and
            // the cache's lifetime bounds the rest.
            redis.Failed(outage);
        }
    }

    public void Listen(Func<string, ValueTask> forget)
    {
        _forget = forget;
        _ = ListenAsync();
    }

    public void Dispose() => _stopping.Cancel();

    /// <summary>
    /// Goes deaf as soon as the connection reports a failure, and subscribes again once it is back
    /// (checked twice a second: a connection that never came up raises no "restored" event).
    /// </summary>
    private async Task ListenAsync()
    {
        var multiplexer = await redis.MultiplexerAsync();
        multiplexer.ConnectionFailed += (_, _) => _ = DeafenedAsync();
        using var ticks = new PeriodicTimer(TimeSpan.FromMilliseconds(500));
        try
        {
            do
            {
                if (!_hearsOthers && multiplexer.IsConnected)
                {
                    await SubscribeAsync(multiplexer);
                }
            }
            while (await ticks.WaitForNextTickAsync(_stopping.Token));
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            // The service is stopping.
        }
    }

    private async Task DeafenedAsync()
    {
        _hearsOthers = false;
        await _forget(ICredentialInvalidationBus.EverythingTag);
    }

    /// <summary>Only ever called by <see cref="ListenAsync"/>'s loop, one call at a time.</summary>
    private async Task SubscribeAsync(IConnectionMultiplexer multiplexer)
    {
        try
        {
            var subscriber = multiplexer.GetSubscriber();

            // One handler however often the connection comes back.
            await subscriber.UnsubscribeAsync(Channel);
            await subscriber.SubscribeAsync(Channel, (channel, tag) => _forget(tag.ToString()));
            await _forget(ICredentialInvalidationBus.EverythingTag);
            _hearsOthers = true;
        }
        catch (Exception outage) when (RedisConnection.IsOutage(outage))
        {
            _hearsOthers = false;
            redis.Failed(outage);
        }
    }
}
