using AniPlanner.Application.Identity.Common;
using Microsoft.Extensions.Options;

namespace AniPlanner.Infrastructure.Identity;

/// <summary>
/// <see cref="IAuthenticationThrottle"/> in this process's memory, so each instance counts on its
/// own. One lock makes check-and-reserve atomic across an attempt's counters; it guards
/// dictionary work only, never I/O. A try that would pass a limit only if tries still running
/// fail waits for them to end, then is decided: parallel guesses cannot pass a limit, and
/// parallel requests with good credentials are not refused for being many. Every authenticated
/// request passes the lock twice, so what it holds it for is kept to lookups and counts: no LINQ,
/// the clock read before it, and the wake-up signal made only when a try actually waits.
/// </summary>
public sealed class InMemoryAuthenticationThrottle(IOptions<AuthThrottlingOptions> options, TimeProvider clock) : IAuthenticationThrottle
{
    /// <summary>How often counters with nothing left to remember are dropped, so memory follows recent failures only.</summary>
    private static readonly TimeSpan SweepInterval = TimeSpan.FromMinutes(1);

    private readonly AuthThrottlingOptions _options = options.Value;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Counter> _counters = new(StringComparer.Ordinal);

    /// <summary>Made when a try has to wait for running ones; completed, and dropped, when a reserved try ends.</summary>
    private TaskCompletionSource? _tryEnded;

    private DateTimeOffset _nextSweep = DateTimeOffset.MinValue;

    /// <summary>How many counters are held: tests show that forgotten ones are dropped.</summary>
    internal int CounterCount
    {
        get
        {
            lock (_gate)
            {
                return _counters.Count;
            }
        }
    }

    public ValueTask<IAuthenticationAttempt> BeginLoginAsync(string username, string address, CancellationToken cancellationToken) =>
        BeginAsync([AddressKey(address), ($"username\n{username}", UsernameCounter), ($"pair\n{username}\n{address}", PairCounter)], cancellationToken);

    public ValueTask<IAuthenticationAttempt> BeginCredentialCheckAsync(string address, CancellationToken cancellationToken) =>
        BeginAsync([AddressKey(address)], cancellationToken);

    private (string Key, Func<Counter> Create) AddressKey(string address) => ($"address\n{address}", AddressCounter);

    private Counter AddressCounter() => new WindowCounter(_options.FailuresPerAddress, _options.Window);

    private Counter UsernameCounter() => new WindowCounter(_options.LoginFailuresPerUsername, _options.Window);

    private Counter PairCounter() => new BackoffCounter(_options);

    private async ValueTask<IAuthenticationAttempt> BeginAsync((string Key, Func<Counter> Create)[] keys, CancellationToken cancellationToken)
    {
        while (true)
        {
            Task tryEnded;
            var now = clock.GetUtcNow();
            lock (_gate)
            {
                SweepWhenDue(now);
                var counters = new Counter[keys.Length];
                TimeSpan? wait = null;
                var awaitsRunningTries = false;
                for (var index = 0; index < keys.Length; index++)
                {
                    var (key, create) = keys[index];
                    if (!_counters.TryGetValue(key, out var counter))
                    {
                        _counters[key] = counter = create();
                    }

                    counters[index] = counter;
                    var verdict = counter.Check(now);
                    if (verdict.RetryAfter is { } refused && (wait is null || refused > wait))
                    {
                        wait = refused;
                    }

                    awaitsRunningTries |= verdict.AwaitsRunningTries;
                }

                // The longest wait: the caller may try once every limit allows it.
                if (wait is { } refusedFor)
                {
                    return new RefusedAttempt(refusedFor);
                }

                if (!awaitsRunningTries)
                {
                    foreach (var counter in counters)
                    {
                        counter.Running++;
                    }

                    return new ReservedAttempt(this, counters);
                }

                tryEnded = (_tryEnded ??= NewSignal()).Task;
            }

            await tryEnded.WaitAsync(cancellationToken);
        }
    }

    private void End(Counter[] counters, Outcome outcome)
    {
        TaskCompletionSource? ended;
        var now = clock.GetUtcNow();
        lock (_gate)
        {
            foreach (var counter in counters)
            {
                counter.Running--;
                if (outcome == Outcome.Failed)
                {
                    counter.RecordFailure(now);
                }
                else if (outcome == Outcome.Succeeded)
                {
                    counter.RecordSuccess();
                }
            }

            ended = _tryEnded;
            _tryEnded = null;
        }

        ended?.SetResult();
    }

    private void SweepWhenDue(DateTimeOffset now)
    {
        if (now < _nextSweep)
        {
            return;
        }

        _nextSweep = now + SweepInterval;
        foreach (var (key, counter) in _counters)
        {
            if (counter.Running == 0 && counter.IsForgotten(now))
            {
                _counters.Remove(key);
            }
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private enum Outcome
    {
        Failed,
        Succeeded,
        Abandoned,
    }

    /// <summary>A counter's answer: refused with a wait, wait for running tries to end, or go.</summary>
    private readonly record struct Verdict(TimeSpan? RetryAfter, bool AwaitsRunningTries)
    {
        public static readonly Verdict Go = new(null, false);
        public static readonly Verdict AwaitRunningTries = new(null, true);

        public static Verdict Refuse(TimeSpan wait) => new(wait, false);
    }

    /// <summary>Failures of one key. Running tries count as failures until they end, which is what makes limits hold in parallel.</summary>
    private abstract class Counter
    {
        public int Running { get; set; }

        public abstract Verdict Check(DateTimeOffset now);

        public abstract void RecordFailure(DateTimeOffset now);

        public virtual void RecordSuccess()
        {
        }

        /// <summary>Nothing left that could refuse a try: the counter may be dropped.</summary>
        public abstract bool IsForgotten(DateTimeOffset now);
    }

    /// <summary>At most <paramref name="limit"/> failures in a window that opens at the first failure; then refused until it closes.</summary>
    private sealed class WindowCounter(int limit, TimeSpan window) : Counter
    {
        private int _failures;
        private DateTimeOffset _windowEnds;

        public override Verdict Check(DateTimeOffset now)
        {
            var failures = now < _windowEnds ? _failures : 0;
            return failures >= limit ? Verdict.Refuse(_windowEnds - now)
                : failures + Running >= limit ? Verdict.AwaitRunningTries
                : Verdict.Go;
        }

        public override void RecordFailure(DateTimeOffset now)
        {
            if (now >= _windowEnds)
            {
                _failures = 0;
                _windowEnds = now + window;
            }

            _failures++;
        }

        public override bool IsForgotten(DateTimeOffset now) => now >= _windowEnds;
    }

    /// <summary>
    /// One username from one address: the first failures are free, then each try waits after the
    /// last failure, twice as long as the wait before (at most the maximum). A success, or a full
    /// window without a try after the wait is over, starts afresh.
    /// </summary>
    private sealed class BackoffCounter(AuthThrottlingOptions options) : Counter
    {
        private int _failures;
        private DateTimeOffset _lastFailure;

        private DateTimeOffset NextTry => _failures < options.FreeLoginFailures
            ? _lastFailure
            : _lastFailure + TimeSpan.FromSeconds(Math.Min(
                options.FirstDelay.TotalSeconds * Math.Pow(2, _failures - options.FreeLoginFailures), options.MaxDelay.TotalSeconds));

        public override Verdict Check(DateTimeOffset now)
        {
            ForgetWhenQuiet(now);
            return _failures >= options.FreeLoginFailures && now < NextTry ? Verdict.Refuse(NextTry - now)
                : Running > 0 && _failures + Running >= options.FreeLoginFailures ? Verdict.AwaitRunningTries
                : Verdict.Go;
        }

        public override void RecordFailure(DateTimeOffset now)
        {
            ForgetWhenQuiet(now);
            _failures++;
            _lastFailure = now;
        }

        public override void RecordSuccess() => _failures = 0;

        public override bool IsForgotten(DateTimeOffset now) => _failures == 0 || now >= NextTry + options.Window;

        private void ForgetWhenQuiet(DateTimeOffset now)
        {
            if (IsForgotten(now))
            {
                _failures = 0;
            }
        }
    }

    /// <summary>Refused: nothing reserved, nothing to record.</summary>
    private sealed class RefusedAttempt(TimeSpan retryAfter) : IAuthenticationAttempt
    {
        public TimeSpan? RetryAfter => retryAfter;

        public ValueTask FailedAsync() => ValueTask.CompletedTask;

        public ValueTask SucceededAsync() => ValueTask.CompletedTask;

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    /// <summary>Reserved on each counter until it ends, once: failed, succeeded, or disposed (abandoned, not counted).</summary>
    private sealed class ReservedAttempt(InMemoryAuthenticationThrottle throttle, Counter[] counters) : IAuthenticationAttempt
    {
        private int _ended;

        public TimeSpan? RetryAfter => null;

        public ValueTask FailedAsync() => End(Outcome.Failed);

        public ValueTask SucceededAsync() => End(Outcome.Succeeded);

        public ValueTask DisposeAsync() => End(Outcome.Abandoned);

        private ValueTask End(Outcome outcome)
        {
            if (Interlocked.Exchange(ref _ended, 1) == 0)
            {
                throttle.End(counters, outcome);
            }

            return ValueTask.CompletedTask;
        }
    }
}
