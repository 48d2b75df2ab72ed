namespace AniPlanner.Application.Common.Exceptions;

/// <summary>Too many failed attempts: answered 429 with Retry-After.</summary>
public sealed class TooManyRequestsException(TimeSpan retryAfter, string message) : Exception(message)
{
    public TimeSpan RetryAfter { get; } = retryAfter;

    /// <summary>A wait in whole seconds as Retry-After says it: rounded up (a caller that waits that long may try) and at least 1.</summary>
    public static int Seconds(TimeSpan wait) => Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
}
