using System.Collections.Concurrent;
using AniPlanner.Application.Common.Exceptions;
using AniPlanner.Application.Identity.Common;
using AniPlanner.Infrastructure.Identity;
using AniPlanner.Infrastructure.Redis;
using AniPlanner.Tests.Shared;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AniPlanner.UnitTests.Identity;

/// <summary>
/// The Redis throttle against a real redis-server, as two instances would use it: each
/// "instance" has its own connection. Every test uses its own username and address, so they
/// share the one server without seeing each other's counters.
/// </summary>
public sealed class RedisAuthenticationThrottleTests
{
    private static readonly AuthThrottlingOptions Defaults = new();

    private LocalRedisServer _server = null!;
    private readonly List<RedisConnection> _connections = [];
    private string _user = "";
    private string _here = "";

    [OneTimeSetUp]
    public async Task StartRedis() => _server = await LocalRedisServer.StartOrSkipAsync();

    [OneTimeTearDown]
    public async Task StopRedis() => await _server.DisposeAsync();

    [SetUp]
    public void NewNames()
    {
        _user = $"pat-{Guid.NewGuid():N}";
        _here = $"198.51.100.{Random.Shared.Next(256)}-{Guid.NewGuid():N}";
    }

    [TearDown]
    public void CloseConnections()
    {
        foreach (var connection in _connections)
        {
            connection.Dispose();
        }

        _connections.Clear();
    }

    [Test]
    public async Task The_free_failures_are_shared_by_instances_then_each_try_waits()
    {
        var (first, second) = (Throttle(), Throttle());
        for (var failure = 0; failure < Defaults.FreeLoginFailures; failure++)
        {
            await FailLoginAsync(failure % 2 == 0 ? first : second, _user, _here);
        }

        var wait = await LoginWaitAsync(second, _user, _here);
        Assert.That(wait, Is.GreaterThan(TimeSpan.Zero).And.LessThanOrEqualTo(Defaults.FirstDelay));

        await Task.Delay(wait!.Value + TimeSpan.FromMilliseconds(50));
        await FailLoginAsync(first, _user, _here);
        Assert.That(await LoginWaitAsync(second, _user, _here), Is.GreaterThan(Defaults.FirstDelay).And.LessThanOrEqualTo(2 * Defaults.FirstDelay),
            "twice the first delay after the next failure");
    }

    [Test]
    public async Task A_success_starts_the_pair_afresh()
    {
        var throttle = Throttle();
        for (var failure = 0; failure < Defaults.FreeLoginFailures; failure++)
        {
            await FailLoginAsync(throttle, _user, _here);
        }

        await Task.Delay(Defaults.FirstDelay + TimeSpan.FromMilliseconds(50));
        await using (var attempt = await throttle.BeginLoginAsync(_user, _here, CancellationToken.None))
        {
            await attempt.SucceededAsync();
        }

        for (var failure = 0; failure < Defaults.FreeLoginFailures; failure++)
        {
            Assert.That(await LoginWaitAsync(throttle, _user, _here), Is.Null, $"free failure {failure + 1} after the success");
            await FailLoginAsync(throttle, _user, _here);
        }
    }

    [Test]
    public async Task An_abandoned_try_counts_nothing()
    {
        var throttle = Throttle(new AuthThrottlingOptions { FreeLoginFailures = 1 });
        for (var round = 0; round < 5; round++)
        {
            await using var attempt = await throttle.BeginLoginAsync(_user, _here, CancellationToken.None);
            Assert.That(attempt.RetryAfter, Is.Null);
        }
    }

    [Test]
    public async Task A_username_shaped_like_another_users_key_throttles_only_itself()
    {
        var throttle = Throttle(new AuthThrottlingOptions { FreeLoginFailures = 1, LoginFailuresPerUsername = 2 });
        foreach (var lookalike in (string[])[$"{_user}:running", $"{_user}\n{_here}"])
        {
            await FailLoginAsync(throttle, lookalike, _here);
            await FailLoginAsync(throttle, lookalike, $"{_here}-2");
        }

        Assert.That(await LoginWaitAsync(throttle, _user, $"{_here}-3"), Is.Null);
    }

    [Test]
    public async Task The_username_ceiling_holds_across_addresses_and_instances()
    {
        var options = new AuthThrottlingOptions { LoginFailuresPerUsername = 6 };
        var (first, second) = (Throttle(options), Throttle(options));
        for (var failure = 0; failure < options.LoginFailuresPerUsername; failure++)
        {
            await FailLoginAsync(failure % 2 == 0 ? first : second, _user, $"{_here}-{failure}");
        }

        Assert.That(await LoginWaitAsync(first, _user, $"{_here}-elsewhere"),
            Is.GreaterThan(options.Window - TimeSpan.FromMinutes(1)).And.LessThanOrEqualTo(options.Window));
        Assert.That(await LoginWaitAsync(first, $"{_user}-other", _here), Is.Null, "another username from an address that failed once");
    }

    [Test]
    public async Task The_address_ceiling_counts_failed_credentials_and_logins_together()
    {
        var options = new AuthThrottlingOptions { FailuresPerAddress = 3 };
        var (first, second) = (Throttle(options), Throttle(options));
        await FailCredentialAsync(first, _here);
        await FailLoginAsync(second, _user, _here);
        await FailCredentialAsync(second, _here);

        Assert.That(await CredentialWaitAsync(first, _here), Is.GreaterThan(options.Window - TimeSpan.FromMinutes(1)).And.LessThanOrEqualTo(options.Window));
        Assert.That(await LoginWaitAsync(second, $"{_user}-other", _here), Is.Not.Null);
        Assert.That(await CredentialWaitAsync(first, $"{_here}-other"), Is.Null, "another address");
    }

    [Test]
    public async Task Parallel_guesses_over_two_instances_get_exactly_the_free_failures()
    {
        var (first, second) = (Throttle(), Throttle());
        var tried = 0;
        var refused = 0;
        await Task.WhenAll(Enumerable.Range(0, 40).Select(guess => Task.Run(async () =>
        {
            await using var attempt = await (guess % 2 == 0 ? first : second).BeginLoginAsync(_user, _here, CancellationToken.None);
            if (attempt.RetryAfter is null)
            {
                Interlocked.Increment(ref tried);
                await attempt.FailedAsync();
            }
            else
            {
                Interlocked.Increment(ref refused);
            }
        })));

        Assert.That((tried, refused), Is.EqualTo((Defaults.FreeLoginFailures, 40 - Defaults.FreeLoginFailures)));
    }

    [Test]
    public async Task While_Redis_is_down_logins_are_refused_and_credential_checks_are_counted_here_and_it_is_logged_once()
    {
        await using var server = await LocalRedisServer.StartOrSkipAsync();
        var logs = new CapturedLogger();
        var throttle = Throttle(server: server, logger: logs);
        await FailLoginAsync(throttle, _user, _here);
        await server.StopAsync();

        for (var round = 0; round < 3; round++)
        {
            var refusal = Assert.ThrowsAsync<TooManyRequestsException>(async () => await throttle.BeginLoginAsync(_user, _here, CancellationToken.None));
            Assert.That(refusal!.RetryAfter, Is.EqualTo(RedisAuthenticationThrottle.RetryWhileUnavailable));
            Assert.That(refusal.Message, Does.Contain("Logins are paused"));
        }

        var local = new AuthThrottlingOptions { FailuresPerAddress = 2 };
        throttle = Throttle(local, server, logs);
        await FailCredentialAsync(throttle, _here);
        await FailCredentialAsync(throttle, _here);
        Assert.That(await CredentialWaitAsync(throttle, _here), Is.Not.Null, "the instance's own address ceiling");
        Assert.That(logs.Errors, Has.Count.EqualTo(2), "one line per connection's outage (two throttles here), not per request");

        await server.StartAsync();
        Assert.That(await LoginWaitOnceReconnectedAsync(throttle, _user, _here), Is.Null, "back: a fresh Redis has no counters");
        Assert.That(logs.Informations, Has.Some.Contains("reachable again"));
    }

    private RedisAuthenticationThrottle Throttle(AuthThrottlingOptions? options = null, LocalRedisServer? server = null, ILogger<RedisConnection>? logger = null)
    {
        var throttling = Options.Create(options ?? Defaults);
        var connection = new RedisConnection(
            Options.Create(new RedisOptions { Configuration = (server ?? _server).Configuration }), logger ?? new CapturedLogger());
        _connections.Add(connection);
        return new RedisAuthenticationThrottle(connection, throttling, new InMemoryAuthenticationThrottle(throttling, TimeProvider.System));
    }

    private static async Task FailLoginAsync(IAuthenticationThrottle throttle, string username, string address)
    {
        await using var attempt = await throttle.BeginLoginAsync(username, address, CancellationToken.None);
        Assert.That(attempt.RetryAfter, Is.Null, "the failure to record was refused");
        await attempt.FailedAsync();
    }

    private static async Task FailCredentialAsync(IAuthenticationThrottle throttle, string address)
    {
        await using var attempt = await throttle.BeginCredentialCheckAsync(address, CancellationToken.None);
        Assert.That(attempt.RetryAfter, Is.Null, "the failure to record was refused");
        await attempt.FailedAsync();
    }

    private static async Task<TimeSpan?> LoginWaitAsync(IAuthenticationThrottle throttle, string username, string address)
    {
        await using var attempt = await throttle.BeginLoginAsync(username, address, CancellationToken.None);
        return attempt.RetryAfter;
    }

    /// <summary>The connection comes back in the background, within seconds of the server.</summary>
    private static async Task<TimeSpan?> LoginWaitOnceReconnectedAsync(IAuthenticationThrottle throttle, string username, string address)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            try
            {
                return await LoginWaitAsync(throttle, username, address);
            }
            catch (TooManyRequestsException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(200);
            }
        }
    }

    private static async Task<TimeSpan?> CredentialWaitAsync(IAuthenticationThrottle throttle, string address)
    {
        await using var attempt = await throttle.BeginCredentialCheckAsync(address, CancellationToken.None);
        return attempt.RetryAfter;
    }
}

/// <summary>The lines a <see cref="RedisConnection"/> logs, by level.</summary>
internal sealed class CapturedLogger : ILogger<RedisConnection>
{
    private readonly ConcurrentQueue<(LogLevel Level, string Message)> _lines = new();

    public IReadOnlyList<string> Errors => [.. _lines.Where(line => line.Level == LogLevel.Error).Select(line => line.Message)];

    public IReadOnlyList<string> Informations => [.. _lines.Where(line => line.Level == LogLevel.Information).Select(line => line.Message)];

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        _lines.Enqueue((logLevel, formatter(state, exception)));
}
