using AniPlanner.Application.AniPlanning.AniUsage;
using AniPlanner.Application.AniPlanning.Common;
using Microsoft.Extensions.Caching.Hybrid;

namespace AniPlanner.Infrastructure.AniPlanning;

/// <summary>
/// The usage reads, each page (with its count) kept in this instance's memory under the company's data
/// version (<see cref="IPlannerDataVersions"/>) until it changes: the same question between two
/// imports (a dashboard's reloads, its pages back and forth) is summed in the database once. The
/// version is read from the database on every request (a key lookup), so no instance answers from
/// before a change another made. Every row at once (a CSV of all of them) is not kept.
/// </summary>
public sealed class KeptAniUsageQueries(AniUsageQueries queries, IPlannerDataVersions versions, HybridCache cache) : IAniUsageQueries
{
    /// <summary>In this instance only; a version a change moved past is never asked again, so its entries just age out.</summary>
    private static readonly HybridCacheEntryOptions InMemory = new()
    {
        Expiration = TimeSpan.FromMinutes(10),
        LocalCacheExpiration = TimeSpan.FromMinutes(10),
        Flags = HybridCacheEntryFlags.DisableDistributedCache,
    };

    public async Task<AniUsageRows> PageAsync(Guid customerId, AniUsageSpan span, int skip, int? take, CancellationToken cancellationToken)
    {
        if (take is not { } count)
        {
            return await queries.PageAsync(customerId, span, skip, take, cancellationToken);
        }

        var version = await versions.CurrentAsync(customerId, cancellationToken);
        return await cache.GetOrCreateAsync(
            $"ani-usage:{customerId:N}:{version}:{span.Start:yyyyMMdd}:{span.End:yyyyMMdd}:{span.DailyDialsTarget}:{skip}:{count}",
            async token => await queries.PageAsync(customerId, span, skip, count, token),
            InMemory,
            cancellationToken: cancellationToken);
    }
}
