using AniPlanner.Application.Identity.Common;
using Microsoft.Extensions.Caching.Hybrid;

namespace AniPlanner.Infrastructure.Identity;

/// <summary>
/// <see cref="ICredentialCache"/> on HybridCache, each entry tagged with its credential and its
/// customer. A load that overlapped an invalidation is answered but not kept: it may have read the
/// state from before the change.
/// </summary>
public sealed class HybridCredentialCache(HybridCache cache) : ICredentialCache
{
    /// <summary>Bounds how long a change made by another process can go unnoticed here.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);

    private static readonly HybridCacheEntryOptions ReadOnly = new()
    {
        Flags = HybridCacheEntryFlags.DisableUnderlyingData | HybridCacheEntryFlags.DisableLocalCacheWrite | HybridCacheEntryFlags.DisableDistributedCacheWrite,
    };

    private static readonly HybridCacheEntryOptions Kept = new() { Expiration = Lifetime, LocalCacheExpiration = Lifetime };

    private long _invalidations;

    public async ValueTask<CachedCredential?> GetOrLoadAsync(string key, Func<CancellationToken, ValueTask<CachedCredential?>> load, CancellationToken cancellationToken)
    {
        var cached = await cache.GetOrCreateAsync<CachedCredential?>(key, _ => ValueTask.FromResult<CachedCredential?>(null), ReadOnly, cancellationToken: cancellationToken);
        if (cached is not null)
        {
            return cached;
        }

        var invalidationsBefore = Interlocked.Read(ref _invalidations);
        var loaded = await load(cancellationToken);
        if (loaded is not null && Interlocked.Read(ref _invalidations) == invalidationsBefore)
        {
            await cache.SetAsync(key, loaded, Kept, [CredentialTag(loaded.CredentialId), CustomerTag(loaded.CustomerId)], cancellationToken);
        }

        return loaded;
    }

    public ValueTask InvalidateCredentialAsync(Guid credentialId, CancellationToken cancellationToken) => InvalidateAsync(CredentialTag(credentialId), cancellationToken);

    public ValueTask InvalidateCustomerAsync(Guid customerId, CancellationToken cancellationToken) => InvalidateAsync(CustomerTag(customerId), cancellationToken);

    private ValueTask InvalidateAsync(string tag, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _invalidations);
        return cache.RemoveByTagAsync(tag, cancellationToken);
    }

    private static string CredentialTag(Guid id) => $"credential:{id}";

    private static string CustomerTag(Guid id) => $"customer:{id}";
}
