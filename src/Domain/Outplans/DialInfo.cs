using AniPlanner.Domain.Common;

namespace AniPlanner.Domain.Outplans;

/// <summary>How an outplan dials: from which address, how long it rings, how it retries.</summary>
public sealed record DialInfo
{
    public DialInfo(Address source, long dialTimeout, long tryInterval, IReadOnlyList<int> maxTryCounts)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(maxTryCounts);
        if (dialTimeout is < DialLimits.MinMilliseconds or > DialLimits.MaxDialTimeout)
        {
            throw new DomainException($"dial_timeout {dialTimeout} ms is outside {DialLimits.MinMilliseconds}..{DialLimits.MaxDialTimeout}.");
        }

        if (tryInterval is < DialLimits.MinMilliseconds or > DialLimits.MaxTryInterval)
        {
            throw new DomainException($"try_interval {tryInterval} ms is outside {DialLimits.MinMilliseconds}..{DialLimits.MaxTryInterval}.");
        }

        if (maxTryCounts.Count != DialLimits.DestinationCount || maxTryCounts.Any(count => count is < 0 or > DialLimits.MaxTryCount))
        {
            throw new DomainException($"An outplan has {DialLimits.DestinationCount} try counts, each 0..{DialLimits.MaxTryCount}.");
        }

        Source = source;
        DialTimeout = dialTimeout;
        TryInterval = tryInterval;
        MaxTryCounts = [.. maxTryCounts];
    }

    public Address Source { get; }
    public long DialTimeout { get; }
    public long TryInterval { get; }
    public IReadOnlyList<int> MaxTryCounts { get; }
}
