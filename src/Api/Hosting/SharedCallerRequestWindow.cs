using System.Threading.RateLimiting;
using AniPlanner.Infrastructure.Redis;
using StackExchange.Redis;

namespace AniPlanner.Api.Hosting;

/// <summary>
/// One caller's fixed window of requests counted in Redis, so every instance shares it: the
/// window opens with the caller's first request (on any instance) and ends when its key expires,
/// by the Redis server's clock. While Redis is down the caller is counted by this instance alone
/// (<paramref name="localWindow"/>): the rate fails open to a per-instance one, and requests are served.
/// </summary>
public sealed class SharedCallerRequestWindow(RedisConnection redis, string caller, int permitLimit, TimeSpan window, RateLimiter localWindow) : RateLimiter
{
    // Counts the request and answers {count in this window, ms until it ends}.
    private const string CountScript = """
        local count = redis.call('INCR', KEYS[1])
        local left = redis.call('PTTL', KEYS[1])
        if left < 0 then
          redis.call('PEXPIRE', KEYS[1], ARGV[1])
          left = tonumber(ARGV[1])
        end
        return {count, left}
        """;

    private static readonly RateLimitLease Granted = new WindowLease(acquired: true, retryAfter: null);

    /// <summary>Not decided without Redis: the middleware then asks <see cref="AcquireAsyncCore"/>, which is.</summary>
    private static readonly RateLimitLease AskAsynchronously = new WindowLease(acquired: false, retryAfter: null);

    private readonly RedisKey _key = $"aniplanner:rate:{caller}";

    /// <summary>Redis holds the shared count: only the fallback window's idleness matters when the partitioned limiter drops idle callers.</summary>
    public override TimeSpan? IdleDuration => localWindow.IdleDuration;

    public override RateLimiterStatistics? GetStatistics() => null;

    protected override RateLimitLease AttemptAcquireCore(int permitCount) => AskAsynchronously;

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        try
        {
            var answer = (RedisResult[])(await (await redis.DatabaseAsync()).ScriptEvaluateAsync(CountScript, [_key], [(long)window.TotalMilliseconds]))!;
            redis.Succeeded();
            return (long)answer[0] <= permitLimit ? Granted : new WindowLease(acquired: false, retryAfter: TimeSpan.FromMilliseconds((long)answer[1]));
        }
        catch (Exception outage) when (RedisConnection.IsOutage(outage))
        {
            redis.Failed(outage);
            return await localWindow.AcquireAsync(permitCount, cancellationToken);
        }
    }
}
