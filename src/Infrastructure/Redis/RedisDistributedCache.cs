using Microsoft.Extensions.Caching.Distributed;

namespace AniPlanner.Infrastructure.Redis;

/// <summary>
/// HybridCache's second level in the configured Redis. A Redis that is down is a miss and a
/// skipped write (the first level and the database still answer), reported once per outage by
/// <see cref="RedisConnection"/> rather than logged by every request.
/// </summary>
public sealed class RedisDistributedCache(RedisConnection redis) : IDistributedCache
{
    private const string KeyPrefix = "aniplanner:cache:";

    public async Task<byte[]?> GetAsync(string key, CancellationToken token = default)
    {
        try
        {
            var value = await (await redis.DatabaseAsync()).StringGetAsync(KeyPrefix + key);
            redis.Succeeded();
            return value.IsNull ? null : (byte[]?)value;
        }
        catch (Exception outage) when (RedisConnection.IsOutage(outage))
        {
            redis.Failed(outage);
            return null;
        }
    }

    public async Task SetAsync(string key, byte[] value, DistributedCacheEntryOptions options, CancellationToken token = default)
    {
        try
        {
            await (await redis.DatabaseAsync()).StringSetAsync(KeyPrefix + key, value, ExpiryOf(options));
            redis.Succeeded();
        }
        catch (Exception outage) when (RedisConnection.IsOutage(outage))
        {
            redis.Failed(outage);
        }
    }

    public async Task RemoveAsync(string key, CancellationToken token = default)
    {
        try
        {
            await (await redis.DatabaseAsync()).KeyDeleteAsync(KeyPrefix + key);
            redis.Succeeded();
        }
        catch (Exception outage) when (RedisConnection.IsOutage(outage))
        {
            redis.Failed(outage);
        }
    }

    /// <summary>Entries are written with absolute lifetimes only: there is nothing to slide.</summary>
    public Task RefreshAsync(string key, CancellationToken token = default) => Task.CompletedTask;

    // HybridCache calls only the asynchronous members; these keep the interface whole for anyone else.
    public byte[]? Get(string key) => GetAsync(key).GetAwaiter().GetResult();

    public void Set(string key, byte[] value, DistributedCacheEntryOptions options) => SetAsync(key, value, options).GetAwaiter().GetResult();

    public void Refresh(string key)
    {
    }

    public void Remove(string key) => RemoveAsync(key).GetAwaiter().GetResult();

    /// <summary>The entry's lifetime from now; an entry with none would outlive every bound the cache promises, so it gets a day.</summary>
    private static TimeSpan ExpiryOf(DistributedCacheEntryOptions options)
    {
        if (options.AbsoluteExpirationRelativeToNow is { } relative)
        {
            return relative;
        }

        if (options.AbsoluteExpiration is { } absolute)
        {
            var left = absolute - DateTimeOffset.UtcNow;
            return left > TimeSpan.Zero ? left : TimeSpan.FromMilliseconds(1);
        }

        return options.SlidingExpiration ?? TimeSpan.FromDays(1);
    }
}
