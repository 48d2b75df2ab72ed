using System.Threading.RateLimiting;

namespace AniPlanner.Api.Hosting;

/// <summary>A request window's answer: granted, or refused with how long until the window has room (Retry-After).</summary>
internal sealed class WindowLease(bool acquired, TimeSpan? retryAfter) : RateLimitLease
{
    public override bool IsAcquired => acquired;

    public override IEnumerable<string> MetadataNames => retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

    public override bool TryGetMetadata(string metadataName, out object? metadata)
    {
        metadata = metadataName == MetadataName.RetryAfter.Name ? retryAfter : null;
        return metadata is not null;
    }
}
