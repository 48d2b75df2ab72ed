using System.Collections.Concurrent;

namespace AniPlanner.Api.Identity;

/// <summary>
/// Slows password guessing: too many failed logins from one IP address, or for one username,
/// within a window answer 429 with Retry-After until the window has passed. In memory, so
/// per instance (see the README).
/// </summary>
public sealed class LoginThrottle(IConfiguration configuration, TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, (int Failures, DateTimeOffset WindowEnds)> _failures = new();

    private int PerUsername => configuration.GetValue("Auth:LoginFailuresPerUsername", 5);
    private int PerIp => configuration.GetValue("Auth:LoginFailuresPerIp", 20);
    private TimeSpan Window => TimeSpan.FromMinutes(configuration.GetValue("Auth:LoginFailureWindowMinutes", 15));

    /// <summary>How long the caller must wait, or null when it may try.</summary>
    public TimeSpan? RetryAfter(string ip, string username)
    {
        var now = clock.GetUtcNow();
        var waits = new[] { Wait($"ip:{ip}", PerIp, now), Wait($"user:{username}", PerUsername, now) }.Where(wait => wait is not null).ToList();
        return waits.Count == 0 ? null : waits.Max();
    }

    public void Failed(string ip, string username)
    {
        var now = clock.GetUtcNow();
        foreach (var key in (string[])[$"ip:{ip}", $"user:{username}"])
        {
            _failures.AddOrUpdate(
                key,
                _ => (1, now + Window),
                (_, current) => current.WindowEnds <= now ? (1, now + Window) : (current.Failures + 1, current.WindowEnds));
        }
    }

    public void Succeeded(string username) => _failures.TryRemove($"user:{username}", out _);

    private TimeSpan? Wait(string key, int limit, DateTimeOffset now) =>
        _failures.TryGetValue(key, out var entry) && entry.WindowEnds > now && entry.Failures >= limit ? entry.WindowEnds - now : null;
}

/// <summary>Too many attempts: answered 429 with Retry-After.</summary>
public sealed class TooManyRequestsException(TimeSpan retryAfter, string message) : Exception(message)
{
    public TimeSpan RetryAfter { get; } = retryAfter;
}
