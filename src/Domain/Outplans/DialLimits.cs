namespace AniPlanner.Domain.Outplans;

/// <summary>
/// The bounds of a sane dialing strategy. VoIPBIN accepts anything; we refuse values that can
/// only be mistakes, the commonest being seconds sent where milliseconds are meant.
/// </summary>
public static class DialLimits
{
    public const long MinMilliseconds = 1_000;
    public const long MaxDialTimeout = 10 * 60 * 1_000;
    public const long MaxTryInterval = 30L * 24 * 60 * 60 * 1_000;
    public const int MaxTryCount = 100;
    public const int DestinationCount = 5;
}
