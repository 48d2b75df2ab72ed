using System.Threading.RateLimiting;
using AniPlanner.Api.Hosting;
using AniPlanner.Infrastructure.Redis;
using AniPlanner.Tests.Shared;
using AniPlanner.UnitTests.Identity;
using Microsoft.Extensions.Options;

namespace AniPlanner.UnitTests.Api;

/// <summary>The per-customer request window in a real redis-server, as two instances count it.</summary>
public sealed class SharedCallerRequestWindowTests
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    [Test]
    public async Task Two_instances_share_one_window_per_caller()
    {
        await using var server = await LocalRedisServer.StartOrSkipAsync();
        using var firstRedis = Connection(server);
        using var secondRedis = Connection(server);
        var caller = $"customer-{Guid.NewGuid():N}";
        var (first, second) = (Window(firstRedis, caller, 3), Window(secondRedis, caller, 3));

        Assert.That(await AcquiredAsync(first), Is.True);
        Assert.That(await AcquiredAsync(second), Is.True);
        Assert.That(await AcquiredAsync(first), Is.True);

        using var refused = await second.AcquireAsync(1);
        Assert.That(refused.IsAcquired, Is.False);
        Assert.That(refused.TryGetMetadata(MetadataName.RetryAfter, out var wait), Is.True);
        Assert.That(wait, Is.GreaterThan(TimeSpan.FromSeconds(55)).And.LessThanOrEqualTo(Minute), "the window's time left, by the server");

        Assert.That(await AcquiredAsync(Window(secondRedis, $"{caller}-other", 3)), Is.True, "another caller has its own window");
    }

    [Test]
    public async Task While_Redis_is_down_each_instance_counts_alone()
    {
        await using var server = await LocalRedisServer.StartOrSkipAsync();
        using var redis = Connection(server);
        var window = Window(redis, "customer", 2);
        await server.StopAsync();

        Assert.That(await AcquiredAsync(window), Is.True);
        Assert.That(await AcquiredAsync(window), Is.True);
        Assert.That(await AcquiredAsync(window), Is.False, "the instance's own window");
    }

    private static RedisConnection Connection(LocalRedisServer server) =>
        new(Options.Create(new RedisOptions { Configuration = server.Configuration }), new CapturedLogger());

    private static SharedCallerRequestWindow Window(RedisConnection redis, string caller, int limit) =>
        new(redis, caller, limit, Minute, new CallerRequestWindow(limit, Minute, TimeProvider.System));

    private static async Task<bool> AcquiredAsync(RateLimiter window)
    {
        using var lease = await window.AcquireAsync(1);
        return lease.IsAcquired;
    }
}
