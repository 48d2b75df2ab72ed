namespace AniPlanner.FunctionalTests.Infrastructure;

/// <summary>
/// The service's clock in tests: the real time unless a test pins it, so "today"-relative
/// defaults (the plan's date range) can be checked against hand-computed dates.
/// </summary>
public sealed class TestClock : TimeProvider
{
    private DateTimeOffset? _pinned;

    public void Pin(DateTimeOffset now) => _pinned = now;

    public void Release() => _pinned = null;

    public override DateTimeOffset GetUtcNow() => _pinned ?? base.GetUtcNow();
}
