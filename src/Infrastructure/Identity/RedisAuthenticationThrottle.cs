using AniPlanner.Application.Common.Exceptions;
using AniPlanner.Application.Identity.Common;
using AniPlanner.Infrastructure.Redis;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace AniPlanner.Infrastructure.Identity;

/// <summary>
/// <see cref="IAuthenticationThrottle"/> counted in Redis, so every instance shares the limits:
/// the same counters and answers as <see cref="InMemoryAuthenticationThrottle"/>, each check and
/// reservation one Lua script (atomic), timed by the Redis server's clock. A running try is a
/// reservation that expires by itself, so an instance that dies mid-login cannot hold a counter.
/// While Redis is down, logins are refused (a guesser must not get unlimited tries because the
/// counter is gone) and access key checks fall back to this instance's own counters (refusing
/// them would stop every authenticated request).
/// </summary>
public sealed class RedisAuthenticationThrottle(
    RedisConnection redis, IOptions<AuthThrottlingOptions> options, InMemoryAuthenticationThrottle localFallback) : IAuthenticationThrottle
{
    /// <summary>How long a login may be told to wait while Redis is down; short, as the outage may end any moment.</summary>
    public static readonly TimeSpan RetryWhileUnavailable = TimeSpan.FromSeconds(5);

    // Counts and running tries in separate namespaces: a username ending in ":running" must not name another's set.
    private const string CountKeyPrefix = "aniplanner:auth:count:";
    private const string RunningKeyPrefix = "aniplanner:auth:running:";

    /// <summary>How long a running try counts unless it ends first: far longer than a login takes.</summary>
    private static readonly TimeSpan ReservationLease = TimeSpan.FromSeconds(30);

    /// <summary>How often a try that must wait for running ones looks again.</summary>
    private static readonly TimeSpan RunningTriesPoll = TimeSpan.FromMilliseconds(20);

    // KEYS: each counter's hash (f = failures, t = window end or last failure, in ms), then each
    // counter's set of running reservations (scored by when they expire). ARGV: lease, reservation,
    // window, free failures, first delay, longest delay (ms), then each counter's kind and limit.
    // Answers {0, wait ms} refused, {1, 0} wait for running tries, {2, 0} reserved.
    private const string BeginScript = Shared + """
        local wait, awaits = 0, false
        for i = 1, n do
          local running_key = KEYS[n + i]
          redis.call('ZREMRANGEBYSCORE', running_key, '-inf', now)
          local running = redis.call('ZCARD', running_key)
          local kind, limit = ARGV[5 + 2 * i], tonumber(ARGV[6 + 2 * i])
          local f, t = counter(i)
          if kind == 'w' then
            if now >= t then f = 0 end
            if f >= limit then wait = math.max(wait, t - now)
            elseif f + running >= limit then awaits = true end
          else
            local next_try = backoff_next_try(f, t)
            if f == 0 or now >= next_try + window then f = 0 end
            if f >= free and now < next_try then wait = math.max(wait, next_try - now)
            elseif running > 0 and f + running >= free then awaits = true end
          end
        end
        if wait > 0 then return {0, math.ceil(wait)} end
        if awaits then return {1, 0} end
        for i = 1, n do
          redis.call('ZADD', KEYS[n + i], now + lease, reservation)
          redis.call('PEXPIRE', KEYS[n + i], lease)
        end
        return {2, 0}
        """;

    // Same KEYS and ARGV, with ARGV[1] the outcome: f(ailed), s(ucceeded) or a(bandoned).
    private const string EndScript = Shared + """
        local outcome = ARGV[1]
        for i = 1, n do
          redis.call('ZREM', KEYS[n + i], reservation)
          local kind = ARGV[5 + 2 * i]
          local f, t = counter(i)
          if outcome == 'f' and kind == 'w' then
            if now >= t then f = 0; t = now + window end
            redis.call('HSET', KEYS[i], 'f', f + 1, 't', t)
            redis.call('PEXPIREAT', KEYS[i], t)
          elseif outcome == 'f' then
            if f == 0 or now >= backoff_next_try(f, t) + window then f = 0 end
            redis.call('HSET', KEYS[i], 'f', f + 1, 't', now)
            redis.call('PEXPIREAT', KEYS[i], backoff_next_try(f + 1, now) + window)
          elseif outcome == 's' and kind == 'b' then
            redis.call('DEL', KEYS[i])
          end
        end
        return 0
        """;

    // The clock is the Redis server's; the arguments as above.
    private const string Shared = """
        local time = redis.call('TIME')
        local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
        local lease, reservation, window = tonumber(ARGV[1]), ARGV[2], tonumber(ARGV[3])
        local free, first_delay, max_delay = tonumber(ARGV[4]), tonumber(ARGV[5]), tonumber(ARGV[6])
        local n = #KEYS / 2
        local function counter(i)
          local f, t = unpack(redis.call('HMGET', KEYS[i], 'f', 't'))
          return tonumber(f or '0'), tonumber(t or '0')
        end
        local function backoff_next_try(f, last)
          if f < free then return last end
          return last + math.min(first_delay * 2 ^ (f - free), max_delay)
        end

        """;

    private readonly AuthThrottlingOptions _options = options.Value;

    public async ValueTask<IAuthenticationAttempt> BeginLoginAsync(string username, string address, CancellationToken cancellationToken)
    {
        try
        {
            return await BeginAsync(
                [AddressCounter(address), new Counter($"username:{username}", 'w', _options.LoginFailuresPerUsername), new Counter($"pair:{username}\n{address}", 'b', 0)],
                cancellationToken);
        }
        catch (Exception outage) when (RedisConnection.IsOutage(outage))
        {
            redis.Failed(outage);
            var seconds = TooManyRequestsException.Seconds(RetryWhileUnavailable);
            throw new TooManyRequestsException(RetryWhileUnavailable,
                $"Logins are paused: failed logins cannot be counted right now; try again in {seconds} seconds.");
        }
    }

    public async ValueTask<IAuthenticationAttempt> BeginCredentialCheckAsync(string address, CancellationToken cancellationToken)
    {
        try
        {
            return await BeginAsync([AddressCounter(address)], cancellationToken);
        }
        catch (Exception outage) when (RedisConnection.IsOutage(outage))
        {
            redis.Failed(outage);
            return await localFallback.BeginCredentialCheckAsync(address, cancellationToken);
        }
    }

    private Counter AddressCounter(string address) => new($"address:{address}", 'w', _options.FailuresPerAddress);

    private async ValueTask<IAuthenticationAttempt> BeginAsync(Counter[] counters, CancellationToken cancellationToken)
    {
        var reservation = Guid.NewGuid().ToString("N");
        RedisKey[] keys = [.. counters.Select(counter => (RedisKey)(CountKeyPrefix + counter.Id)), .. counters.Select(counter => (RedisKey)(RunningKeyPrefix + counter.Id))];
        RedisValue[] arguments =
        [
            (long)ReservationLease.TotalMilliseconds, reservation, (long)_options.Window.TotalMilliseconds, _options.FreeLoginFailures,
            (long)_options.FirstDelay.TotalMilliseconds, (long)_options.MaxDelay.TotalMilliseconds,
            .. counters.SelectMany(counter => new RedisValue[] { counter.Kind.ToString(), counter.Limit }),
        ];
        while (true)
        {
            var answer = (RedisResult[])(await (await redis.DatabaseAsync()).ScriptEvaluateAsync(BeginScript, keys, arguments))!;
            redis.Succeeded();
            switch ((int)answer[0])
            {
                case 0:
                    return new RefusedAttempt(TimeSpan.FromMilliseconds((long)answer[1]));
                case 2:
                    return new ReservedAttempt(redis, keys, arguments);
                default:
                    await Task.Delay(RunningTriesPoll, cancellationToken);
                    break;
            }
        }
    }

    /// <summary>One counter: w(indow) with its limit, or b(ackoff) of a (username, address) pair.</summary>
    private sealed record Counter(string Id, char Kind, int Limit);

    private sealed class RefusedAttempt(TimeSpan retryAfter) : IAuthenticationAttempt
    {
        public TimeSpan? RetryAfter => retryAfter;

        public ValueTask FailedAsync() => ValueTask.CompletedTask;

        public ValueTask SucceededAsync() => ValueTask.CompletedTask;

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    /// <summary>Ends once. Redis failing now loses only this outcome: the reservation expires by itself.</summary>
    private sealed class ReservedAttempt(RedisConnection redis, RedisKey[] keys, RedisValue[] arguments) : IAuthenticationAttempt
    {
        private int _ended;

        public TimeSpan? RetryAfter => null;

        public ValueTask FailedAsync() => End("f");

        public ValueTask SucceededAsync() => End("s");

        public ValueTask DisposeAsync() => End("a");

        private async ValueTask End(string outcome)
        {
            if (Interlocked.Exchange(ref _ended, 1) == 1)
            {
                return;
            }

            try
            {
                await (await redis.DatabaseAsync()).ScriptEvaluateAsync(EndScript, keys, [outcome, .. arguments[1..]]);
                redis.Succeeded();
            }
            catch (Exception outage) when (RedisConnection.IsOutage(outage))
            {
                redis.Failed(outage);
            }
        }
    }
}
