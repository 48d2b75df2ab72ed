using AniPlanner.Application.Identity.Common;
using Microsoft.Extensions.Caching.Hybrid;

namespace AniPlanner.Infrastructure.Identity;

/// <summary>
/// <see cref="ICredentialCache"/> on HybridCache (in memory, with Redis as the second level when
/// Redis:Configuration is set), each entry tagged with its credential and its customer. A change
/// is forgotten here at once and published to the other instances, which forget it as the
/// message arrives (milliseconds). A load that overlapped an invalidation is answered but not
/// kept: it may have read the state from before the change. While the other instances cannot
/// be heard, nothing is cached: every request reads its credential from the database.
/// </summary>
public sealed class HybridCredentialCache : ICredentialCache
{
    /// <summary>
    /// Bounds how long an entry lives in each level, so even a change whose message was lost
    /// (an instance cut off from Redis while the others still hear it) is seen within two lifetimes.
    /// </summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);

    private static readonly HybridCacheEntryOptions FromMemory = ReadOnly(HybridCacheEntryFlags.DisableDistributedCache);

    private static readonly HybridCacheEntryOptions FromSecondLevel = ReadOnly(HybridCacheEntryFlags.DisableLocalCache);

    private static readonly HybridCacheEntryOptions Kept = new() { Expiration = Lifetime, LocalCacheExpiration = Lifetime };

    private static readonly HybridCacheEntryOptions KeptInMemory = new()
    {
        LocalCacheExpiration = Lifetime,
        Flags = HybridCacheEntryFlags.DisableDistributedCacheWrite,
    };

    private readonly HybridCache _cache;
    private readonly ICredentialInvalidationBus _bus;
    private long _invalidations;

    public HybridCredentialCache(HybridCache cache, ICredentialInvalidationBus bus)
    {
        _cache = cache;
        _bus = bus;
        bus.Listen(ForgetAsync);
    }

    public async ValueTask<CachedCredential?> GetOrLoadAsync(string key, Func<CancellationToken, ValueTask<CachedCredential?>> load, CancellationToken cancellationToken)
    {
        if (!_bus.HearsOthers)
        {
            return await load(cancellationToken);
        }

        var cached = await _cache.GetOrCreateAsync<CachedCredential?>(key, _ => ValueTask.FromResult<CachedCredential?>(null), FromMemory, cancellationToken: cancellationToken);
        if (cached is not null)
        {
            return cached;
        }

        var invalidationsBefore = Interlocked.Read(ref _invalidations);

        // The second level keeps no tags with what it answers, so an entry found there is kept in
        // memory under its tags by hand (else an invalidation could not reach it).
        var shared = await _cache.GetOrCreateAsync<CachedCredential?>(key, _ => ValueTask.FromResult<CachedCredential?>(null), FromSecondLevel, cancellationToken: cancellationToken);
        if (shared is not null)
        {
            await KeepAsync(key, shared, KeptInMemory, invalidationsBefore, cancellationToken);
            return shared;
        }

        var loaded = await load(cancellationToken);
        if (loaded is not null)
        {
            await KeepAsync(key, loaded, Kept, invalidationsBefore, cancellationToken);
        }

        return loaded;
    }

    public ValueTask InvalidateCredentialAsync(Guid credentialId, CancellationToken cancellationToken) => InvalidateAsync(CredentialTag(credentialId), cancellationToken);

    public ValueTask InvalidateCustomerAsync(Guid customerId, CancellationToken cancellationToken) => InvalidateAsync(CustomerTag(customerId), cancellationToken);

    private async ValueTask KeepAsync(string key, CachedCredential credential, HybridCacheEntryOptions options, long invalidationsBefore, CancellationToken cancellationToken)
    {
        if (Interlocked.Read(ref _invalidations) == invalidationsBefore && _bus.HearsOthers)
        {
            await _cache.SetAsync(key, credential, options, [CredentialTag(credential.CredentialId), CustomerTag(credential.CustomerId)], cancellationToken);
        }
    }

    private async ValueTask InvalidateAsync(string tag, CancellationToken cancellationToken)
    {
        await ForgetAsync(tag);
        await _bus.PublishAsync(tag, cancellationToken);
    }

    private ValueTask ForgetAsync(string tag)
    {
        Interlocked.Increment(ref _invalidations);
        return _cache.RemoveByTagAsync(tag, CancellationToken.None);
    }

    private static HybridCacheEntryOptions ReadOnly(HybridCacheEntryFlags level) => new()
    {
        LocalCacheExpiration = Lifetime,
        Flags = level | HybridCacheEntryFlags.DisableUnderlyingData | HybridCacheEntryFlags.DisableLocalCacheWrite | HybridCacheEntryFlags.DisableDistributedCacheWrite,
    };

    private static string CredentialTag(Guid id) => $"credential:{id}";

    private static string CustomerTag(Guid id) => $"customer:{id}";
}
