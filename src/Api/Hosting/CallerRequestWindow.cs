using System.Threading.RateLimiting;

namespace AniPlanner.Api.Hosting;

/// <summary>
/// One caller's fixed window of requests, which knows when it ends: a refused request is told
/// the seconds left until it does. (FixedWindowRateLimiter reports the whole window whenever it
/// refuses, so every 429 said "Retry-After: 60".) The window opens with the caller's first
/// request and a new one with the first request after it ends.
/// </summary>
public sealed class CallerRequestWindow(int permitLimit, TimeSpan window, TimeProvider clock) : RateLimiter
{
    private static readonly RateLimitLease Granted = new WindowLease(acquired: true, retryAfter: null);

    private readonly Lock _gate = new();
    private DateTimeOffset _windowEnd = clock.GetUtcNow();
    private int _used;
    private long _granted;
    private long _refused;

    /// <summary>How long the window has been over: a partitioned limiter drops a caller's window once it has been idle a while; it holds nothing then.</summary>
    public override TimeSpan? IdleDuration
    {
        get
        {
            lock (_gate)
            {
                var now = clock.GetUtcNow();
                return now >= _windowEnd ? now - _windowEnd : null;
            }
        }
    }

    public override RateLimiterStatistics? GetStatistics()
    {
        lock (_gate)
        {
            return new RateLimiterStatistics
            {
                CurrentAvailablePermits = clock.GetUtcNow() >= _windowEnd ? permitLimit : permitLimit - _used,
                CurrentQueuedCount = 0,
                TotalSuccessfulLeases = _granted,
                TotalFailedLeases = _refused,
            };
        }
    }

    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        lock (_gate)
        {
            var now = clock.GetUtcNow();
            if (now >= _windowEnd)
            {
                _windowEnd = now + window;
                _used = 0;
            }

            if (_used + permitCount <= permitLimit)
            {
                _used += permitCount;
                _granted++;
                return Granted;
            }

            _refused++;
            return new WindowLease(acquired: false, retryAfter: _windowEnd - now);
        }
    }

    /// <summary>Never queues: a caller over its rate is answered at once.</summary>
    protected override ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken) =>
        ValueTask.FromResult(AttemptAcquireCore(permitCount));
}
