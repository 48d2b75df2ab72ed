using AniPlanner.Application.Identity.Common;
using AniPlanner.Domain.Identity;
using AniPlanner.Infrastructure.Identity;
using AniPlanner.Infrastructure.Redis;
using AniPlanner.Tests.Shared;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace AniPlanner.UnitTests.Identity;

/// <summary>
/// The credential cache on a real HybridCache: what it keeps, what makes it forget, and that an
/// instance that cannot hear the others keeps nothing. The last tests run two "instances"
/// (each its own HybridCache and Redis connection) on one real redis-server.
/// </summary>
public sealed class HybridCredentialCacheTests
{
    private static readonly CachedCredential Pat = new(Guid.NewGuid(), Guid.NewGuid(), Permission.Manager, null);

    private readonly List<IDisposable> _disposables = [];

    [TearDown]
    public void DisposeInstances()
    {
        foreach (var disposable in _disposables)
        {
            disposable.Dispose();
        }

        _disposables.Clear();
    }

    [Test]
    public async Task A_valid_credential_is_loaded_once_and_a_missing_one_every_time()
    {
        var cache = Cache(new ScriptedBus());
        var loads = new Loads(Pat);

        await cache.GetOrLoadAsync("accesskey:a", loads.Next, CancellationToken.None);
        var again = await cache.GetOrLoadAsync("accesskey:a", loads.Next, CancellationToken.None);
        var missing = new Loads(null);
        await cache.GetOrLoadAsync("accesskey:b", missing.Next, CancellationToken.None);
        await cache.GetOrLoadAsync("accesskey:b", missing.Next, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(again, Is.EqualTo(Pat));
            Assert.That(loads.Count, Is.EqualTo(1));
            Assert.That(missing.Count, Is.EqualTo(2), "a refusal is never kept: a key created a moment later must work");
        });
    }

    [Test]
    public async Task Invalidating_forgets_here_and_tells_the_others_by_credential_and_by_customer()
    {
        var bus = new ScriptedBus();
        var cache = Cache(bus);
        var loads = new Loads(Pat);
        await cache.GetOrLoadAsync("user:1", loads.Next, CancellationToken.None);

        await cache.InvalidateCredentialAsync(Pat.CredentialId, CancellationToken.None);
        await cache.GetOrLoadAsync("user:1", loads.Next, CancellationToken.None);
        await cache.InvalidateCustomerAsync(Pat.CustomerId, CancellationToken.None);
        await cache.GetOrLoadAsync("user:1", loads.Next, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(loads.Count, Is.EqualTo(3));
            Assert.That(bus.Published, Is.EqualTo(new[] { $"credential:{Pat.CredentialId}", $"customer:{Pat.CustomerId}" }));
        });
    }

    [Test]
    public async Task What_another_instance_publishes_is_forgotten_and_so_is_everything_when_hearing_may_have_missed_some()
    {
        var bus = new ScriptedBus();
        var cache = Cache(bus);
        var loads = new Loads(Pat);
        await cache.GetOrLoadAsync("user:1", loads.Next, CancellationToken.None);

        await bus.HearAsync($"credential:{Guid.NewGuid()}");
        await cache.GetOrLoadAsync("user:1", loads.Next, CancellationToken.None);
        await bus.HearAsync($"credential:{Pat.CredentialId}");
        await cache.GetOrLoadAsync("user:1", loads.Next, CancellationToken.None);
        await bus.HearAsync(ICredentialInvalidationBus.EverythingTag);
        await cache.GetOrLoadAsync("user:1", loads.Next, CancellationToken.None);

        Assert.That(loads.Count, Is.EqualTo(3), "loaded, kept past another credential's change, then loaded after its own and after 'everything'");
    }

    [Test]
    public async Task While_the_others_cannot_be_heard_every_request_loads()
    {
        var bus = new ScriptedBus();
        var cache = Cache(bus);
        var loads = new Loads(Pat);
        await cache.GetOrLoadAsync("user:1", loads.Next, CancellationToken.None);

        bus.Hears = false;
        await cache.GetOrLoadAsync("user:1", loads.Next, CancellationToken.None);
        await cache.GetOrLoadAsync("user:1", loads.Next, CancellationToken.None);

        Assert.That(loads.Count, Is.EqualTo(3));
    }

    [Test]
    public async Task A_load_that_overlaps_a_change_is_answered_but_not_kept()
    {
        var bus = new ScriptedBus();
        var cache = Cache(bus);
        var count = 0;

        var first = await cache.GetOrLoadAsync("user:1", async _ =>
        {
            count++;
            await bus.HearAsync($"credential:{Pat.CredentialId}");
            return Pat;
        }, CancellationToken.None);
        await cache.GetOrLoadAsync("user:1", _ => { count++; return ValueTask.FromResult<CachedCredential?>(Pat); }, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(first, Is.EqualTo(Pat));
            Assert.That(count, Is.EqualTo(2));
        });
    }

    [Test]
    public async Task Over_Redis_one_instance_reads_what_the_other_loaded_and_forgets_what_the_other_changed_within_a_second()
    {
        await using var redis = await LocalRedisServer.StartOrSkipAsync();
        var (first, second) = (RedisInstance(redis), RedisInstance(redis));
        await WhenHearingAsync(first, second);
        var firstLoads = new Loads(Pat);
        var secondLoads = new Loads(Pat);

        await first.Cache.GetOrLoadAsync("accesskey:shared", firstLoads.Next, CancellationToken.None);
        var fromSecondLevel = await second.Cache.GetOrLoadAsync("accesskey:shared", secondLoads.Next, CancellationToken.None);
        Assert.Multiple(() =>
        {
            Assert.That(fromSecondLevel, Is.EqualTo(Pat));
            Assert.That(secondLoads.Count, Is.Zero, "found in Redis, not loaded");
        });

        await first.Cache.InvalidateCredentialAsync(Pat.CredentialId, CancellationToken.None);
        var forgotten = await WithinAsync(TimeSpan.FromSeconds(1), async () =>
        {
            var before = secondLoads.Count;
            await second.Cache.GetOrLoadAsync("accesskey:shared", secondLoads.Next, CancellationToken.None);
            return secondLoads.Count > before;
        });

        Assert.That(forgotten, Is.True, "the second instance loaded the credential again within a second of the change");
    }

    [Test]
    public async Task Over_Redis_an_instance_that_loses_its_connection_stops_caching_and_resumes_when_it_is_back()
    {
        await using var redis = await LocalRedisServer.StartOrSkipAsync();
        var instance = RedisInstance(redis);
        await WhenHearingAsync(instance);
        var loads = new Loads(Pat);
        await instance.Cache.GetOrLoadAsync("user:1", loads.Next, CancellationToken.None);

        await redis.StopAsync();
        Assert.That(await WithinAsync(TimeSpan.FromSeconds(5), () => Task.FromResult(!instance.Bus.HearsOthers)), Is.True, "deaf once the connection fails");
        await instance.Cache.GetOrLoadAsync("user:1", loads.Next, CancellationToken.None);
        await instance.Cache.GetOrLoadAsync("user:1", loads.Next, CancellationToken.None);
        Assert.That(loads.Count, Is.EqualTo(3), "nothing kept while deaf");

        await redis.StartAsync();
        await WhenHearingAsync(instance);
        await instance.Cache.GetOrLoadAsync("user:1", loads.Next, CancellationToken.None);
        await instance.Cache.GetOrLoadAsync("user:1", loads.Next, CancellationToken.None);
        Assert.That(loads.Count, Is.EqualTo(4), "kept again once subscribed");
    }

    private static HybridCredentialCache Cache(ICredentialInvalidationBus bus) =>
        new(new ServiceCollection().AddHybridCache().Services.BuildServiceProvider().GetRequiredService<HybridCache>(), bus);

    private (HybridCredentialCache Cache, RedisCredentialInvalidationBus Bus) RedisInstance(LocalRedisServer server)
    {
        var connection = new RedisConnection(Options.Create(new RedisOptions { Configuration = server.Configuration }), NullLogger<RedisConnection>.Instance);
        var services = new ServiceCollection();
        services.AddHybridCache();
        services.AddSingleton<IDistributedCache>(new RedisDistributedCache(connection));
        var provider = services.BuildServiceProvider();
        var bus = new RedisCredentialInvalidationBus(connection);
        _disposables.AddRange([bus, provider, connection]);
        return (new HybridCredentialCache(provider.GetRequiredService<HybridCache>(), bus), bus);
    }

    private static async Task WhenHearingAsync(params (HybridCredentialCache Cache, RedisCredentialInvalidationBus Bus)[] instances) =>
        Assert.That(await WithinAsync(TimeSpan.FromSeconds(10), () => Task.FromResult(instances.All(instance => instance.Bus.HearsOthers))), Is.True, "subscribed");

    private static async Task<bool> WithinAsync(TimeSpan time, Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow + time;
        do
        {
            if (await condition())
            {
                return true;
            }

            await Task.Delay(20);
        }
        while (DateTime.UtcNow < deadline);
        return false;
    }

    private sealed class Loads(CachedCredential? answer)
    {
        public int Count { get; private set; }

        public ValueTask<CachedCredential?> Next(CancellationToken cancellationToken)
        {
            Count++;
            return ValueTask.FromResult(answer);
        }
    }

    private sealed class ScriptedBus : ICredentialInvalidationBus
    {
        private Func<string, ValueTask> _forget = _ => ValueTask.CompletedTask;

        public bool Hears { get; set; } = true;

        public List<string> Published { get; } = [];

        public bool HearsOthers => Hears;

        public ValueTask PublishAsync(string tag, CancellationToken cancellationToken)
        {
            Published.Add(tag);
            return ValueTask.CompletedTask;
        }

        public void Listen(Func<string, ValueTask> forget) => _forget = forget;

        public ValueTask HearAsync(string tag) => _forget(tag);
    }
}
