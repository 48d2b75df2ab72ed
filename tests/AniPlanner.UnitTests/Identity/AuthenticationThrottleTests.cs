using AniPlanner.Application.Identity.Common;
using AniPlanner.Infrastructure.Identity;
using Microsoft.Extensions.Options;

namespace AniPlanner.UnitTests.Identity;

public sealed class AuthenticationThrottleTests
{
    private const string Here = "198.51.100.7";
    private const string There = "203.0.113.9";

    private readonly ManualClock _clock = new();

    [Test]
    public async Task After_the_free_failures_each_try_of_a_pair_waits_twice_as_long_as_the_last()
    {
        var throttle = Throttle();
        for (var failure = 0; failure < 5; failure++)
        {
            await FailLoginAsync(throttle, "pat", Here);
        }

        var waits = new List<TimeSpan?>();
        for (var round = 0; round < 4; round++)
        {
            var wait = await LoginWaitAsync(throttle, "pat", Here);
            waits.Add(wait);
            _clock.Advance(wait!.Value);
            await FailLoginAsync(throttle, "pat", Here);
        }

        Assert.That(waits, Is.EqualTo(new TimeSpan?[] { TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(8) }));
    }

    [Test]
    public async Task The_wait_stops_growing_at_the_maximum()
    {
        var throttle = Throttle(new AuthThrottlingOptions { FreeLoginFailures = 1, FirstDelaySeconds = 60, MaxDelaySeconds = 200 });
        await FailLoginAsync(throttle, "pat", Here);
        Assert.That(await LoginWaitAsync(throttle, "pat", Here), Is.EqualTo(TimeSpan.FromSeconds(60)));

        _clock.Advance(TimeSpan.FromSeconds(60));
        await FailLoginAsync(throttle, "pat", Here);
        Assert.That(await LoginWaitAsync(throttle, "pat", Here), Is.EqualTo(TimeSpan.FromSeconds(120)));

        _clock.Advance(TimeSpan.FromSeconds(120));
        await FailLoginAsync(throttle, "pat", Here);
        Assert.That(await LoginWaitAsync(throttle, "pat", Here), Is.EqualTo(TimeSpan.FromSeconds(200)), "240 s capped");
    }

    [Test]
    public async Task The_wait_counts_from_the_last_failure()
    {
        var throttle = Throttle();
        for (var failure = 0; failure < 5; failure++)
        {
            await FailLoginAsync(throttle, "pat", Here);
        }

        _clock.Advance(TimeSpan.FromSeconds(1));
        await FailLoginAsync(throttle, "pat", Here);
        _clock.Advance(TimeSpan.FromMilliseconds(1500));

        Assert.That(await LoginWaitAsync(throttle, "pat", Here), Is.EqualTo(TimeSpan.FromMilliseconds(500)), "2 s after the sixth failure");
    }

    [Test]
    public async Task A_success_starts_the_pair_afresh()
    {
        var throttle = Throttle();
        for (var failure = 0; failure < 5; failure++)
        {
            await FailLoginAsync(throttle, "pat", Here);
        }

        _clock.Advance(TimeSpan.FromSeconds(1));
        await using (var attempt = await throttle.BeginLoginAsync("pat", Here, CancellationToken.None))
        {
            await attempt.SucceededAsync();
        }

        for (var failure = 0; failure < 5; failure++)
        {
            await FailLoginAsync(throttle, "pat", Here);
        }

        Assert.That(await LoginWaitAsync(throttle, "pat", Here), Is.EqualTo(TimeSpan.FromSeconds(1)), "five free failures again");
    }

    [Test]
    public async Task A_pair_quiet_for_a_window_after_its_wait_is_forgotten()
    {
        var throttle = Throttle();
        for (var failure = 0; failure < 7; failure++)
        {
            _clock.Advance(TimeSpan.FromSeconds(10));
            await FailLoginAsync(throttle, "pat", Here);
        }

        // The wait (4 s) and then 15 quiet minutes.
        _clock.Advance(TimeSpan.FromSeconds(4) + TimeSpan.FromMinutes(15));
        for (var failure = 0; failure < 5; failure++)
        {
            await FailLoginAsync(throttle, "pat", Here);
        }

        Assert.That(await LoginWaitAsync(throttle, "pat", Here), Is.EqualTo(TimeSpan.FromSeconds(1)));
    }

    [Test]
    public async Task A_waiting_pair_holds_back_neither_the_user_elsewhere_nor_the_address_for_others()
    {
        var throttle = Throttle();
        for (var failure = 0; failure < 8; failure++)
        {
            _clock.Advance(TimeSpan.FromMinutes(1));
            await FailLoginAsync(throttle, "pat", Here);
        }

        Assert.Multiple(async () =>
        {
            Assert.That(await LoginWaitAsync(throttle, "pat", Here), Is.EqualTo(TimeSpan.FromSeconds(8)));
            Assert.That(await LoginWaitAsync(throttle, "pat", There), Is.Null, "the user from another address");
            Assert.That(await LoginWaitAsync(throttle, "sam", Here), Is.Null, "another user from this address");
        });
    }

    [Test]
    public async Task Failures_of_one_username_from_all_addresses_reach_a_ceiling_until_the_window_ends()
    {
        var throttle = Throttle(new AuthThrottlingOptions { FreeLoginFailures = 2, LoginFailuresPerUsername = 6 });
        foreach (var address in (string[])["192.0.2.1", "192.0.2.2", "192.0.2.3"])
        {
            await FailLoginAsync(throttle, "pat", address);
            _clock.Advance(TimeSpan.FromMinutes(1));
            await FailLoginAsync(throttle, "pat", address);
        }

        Assert.Multiple(async () =>
        {
            // The window opened at the first failure, three minutes ago.
            Assert.That(await LoginWaitAsync(throttle, "pat", "192.0.2.99"), Is.EqualTo(TimeSpan.FromMinutes(12)));
            Assert.That(await LoginWaitAsync(throttle, "sam", "192.0.2.99"), Is.Null, "another username");
        });

        _clock.Advance(TimeSpan.FromMinutes(12));
        Assert.That(await LoginWaitAsync(throttle, "pat", "192.0.2.99"), Is.Null);
    }

    [Test]
    public async Task Failed_logins_and_credentials_from_one_address_share_its_limit()
    {
        var throttle = Throttle(new AuthThrottlingOptions { FailuresPerAddress = 4 });
        await FailLoginAsync(throttle, "pat", Here);
        await FailLoginAsync(throttle, "sam", Here);
        _clock.Advance(TimeSpan.FromMinutes(5));
        await FailCredentialAsync(throttle, Here);
        await FailCredentialAsync(throttle, Here);

        Assert.Multiple(async () =>
        {
            Assert.That(await CredentialWaitAsync(throttle, Here), Is.EqualTo(TimeSpan.FromMinutes(10)));
            Assert.That(await LoginWaitAsync(throttle, "kim", Here), Is.EqualTo(TimeSpan.FromMinutes(10)), "logins from there too");
            Assert.That(await CredentialWaitAsync(throttle, There), Is.Null, "another address");
        });

        _clock.Advance(TimeSpan.FromMinutes(10));
        Assert.That(await CredentialWaitAsync(throttle, Here), Is.Null, "the window is over");
    }

    [Test]
    public async Task Successful_credentials_are_not_counted()
    {
        var throttle = Throttle(new AuthThrottlingOptions { FailuresPerAddress = 2 });
        for (var call = 0; call < 10; call++)
        {
            await using var attempt = await throttle.BeginCredentialCheckAsync(Here, CancellationToken.None);
            await attempt.SucceededAsync();
        }

        Assert.That(await CredentialWaitAsync(throttle, Here), Is.Null);
    }

    [Test]
    public async Task Parallel_guesses_get_exactly_the_free_tries_and_the_rest_are_refused_once_those_fail()
    {
        var throttle = Throttle();
        var tries = Enumerable.Range(0, 20).Select(_ => throttle.BeginLoginAsync("pat", Here, CancellationToken.None).AsTask()).ToList();

        var reserved = tries.Where(task => task.IsCompleted).Select(task => task.Result).ToList();
        var waiting = tries.Where(task => !task.IsCompleted).ToList();
        Assert.That(reserved, Has.Count.EqualTo(5), "the rest wait for the running ones");
        Assert.That(reserved.Select(attempt => attempt.RetryAfter), Has.All.Null);

        foreach (var attempt in reserved)
        {
            await attempt.FailedAsync();
        }

        var refused = await Task.WhenAll(waiting);
        Assert.That(refused.Select(attempt => attempt.RetryAfter), Has.Exactly(15).EqualTo(TimeSpan.FromSeconds(1)));
    }

    [Test]
    public async Task A_try_waiting_on_running_ones_goes_ahead_when_they_succeed_or_are_abandoned()
    {
        var throttle = Throttle(new AuthThrottlingOptions { FailuresPerAddress = 2 });
        var first = await throttle.BeginCredentialCheckAsync(Here, CancellationToken.None);
        var second = await throttle.BeginCredentialCheckAsync(Here, CancellationToken.None);
        var third = throttle.BeginCredentialCheckAsync(Here, CancellationToken.None).AsTask();
        var fourth = throttle.BeginCredentialCheckAsync(Here, CancellationToken.None).AsTask();
        Assert.That(third.IsCompleted || fourth.IsCompleted, Is.False, "two running tries could still reach the limit");

        await first.SucceededAsync();
        await second.DisposeAsync();

        Assert.Multiple(async () =>
        {
            Assert.That((await third).RetryAfter, Is.Null);
            Assert.That((await fourth).RetryAfter, Is.Null);
        });
    }

    [Test]
    public async Task An_attempt_ends_once()
    {
        var throttle = Throttle(new AuthThrottlingOptions { FailuresPerAddress = 2 });
        var attempt = await throttle.BeginCredentialCheckAsync(Here, CancellationToken.None);
        await attempt.FailedAsync();
        await attempt.FailedAsync();
        await attempt.DisposeAsync();

        Assert.That(await CredentialWaitAsync(throttle, Here), Is.Null, "one failure of two");
    }

    [Test]
    public async Task Forgotten_counters_are_dropped()
    {
        var throttle = Throttle();
        for (var user = 0; user < 30; user++)
        {
            await FailLoginAsync(throttle, $"user{user}", $"192.0.2.{user}");
        }

        Assert.That(throttle.CounterCount, Is.EqualTo(90));

        _clock.Advance(TimeSpan.FromMinutes(16));
        await CredentialWaitAsync(throttle, Here);

        Assert.That(throttle.CounterCount, Is.LessThanOrEqualTo(1));
    }

    private InMemoryAuthenticationThrottle Throttle(AuthThrottlingOptions? options = null) => new(Options.Create(options ?? new AuthThrottlingOptions()), _clock);

    private static async Task FailLoginAsync(IAuthenticationThrottle throttle, string username, string address)
    {
        await using var attempt = await throttle.BeginLoginAsync(username, address, CancellationToken.None);
        Assert.That(attempt.RetryAfter, Is.Null, $"{username} from {address} was refused");
        await attempt.FailedAsync();
    }

    private static async Task FailCredentialAsync(IAuthenticationThrottle throttle, string address)
    {
        await using var attempt = await throttle.BeginCredentialCheckAsync(address, CancellationToken.None);
        Assert.That(attempt.RetryAfter, Is.Null, $"{address} was refused");
        await attempt.FailedAsync();
    }

    /// <summary>The wait a login would be refused with now, or null when it would go ahead (nothing is recorded).</summary>
    private static async Task<TimeSpan?> LoginWaitAsync(IAuthenticationThrottle throttle, string username, string address)
    {
        await using var attempt = await throttle.BeginLoginAsync(username, address, CancellationToken.None);
        return attempt.RetryAfter;
    }

    private static async Task<TimeSpan?> CredentialWaitAsync(IAuthenticationThrottle throttle, string address)
    {
        await using var attempt = await throttle.BeginCredentialCheckAsync(address, CancellationToken.None);
        return attempt.RetryAfter;
    }

    /// <summary>A clock that moves only when told.</summary>
    private sealed class ManualClock : TimeProvider
    {
        private DateTimeOffset _now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

        public void Advance(TimeSpan by) => _now += by;

        public override DateTimeOffset GetUtcNow() => _now;
    }
}
