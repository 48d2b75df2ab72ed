namespace AniPlanner.Infrastructure.Identity;

/// <summary>The <c>Auth:Throttling</c> configuration section: how failed authentications are slowed.</summary>
public sealed class AuthThrottlingOptions
{
    public const string Section = "Auth:Throttling";

    /// <summary>Keys of the flat 15-minute lock this replaced: set, they would silently do nothing, so start-up refuses them.</summary>
    public static readonly string[] ReplacedKeys = ["Auth:LoginFailuresPerUsername", "Auth:LoginFailuresPerIp", "Auth:LoginFailureWindowMinutes"];

    /// <summary>Failed logins of one username from one address before each next try must wait.</summary>
    public int FreeLoginFailures { get; set; } = 5;

    /// <summary>The wait after the first failure past the free ones; it doubles with each further failure.</summary>
    public int FirstDelaySeconds { get; set; } = 1;

    /// <summary>The longest wait between two tries of one username from one address.</summary>
    public int MaxDelaySeconds { get; set; } = 900;

    /// <summary>Failed logins of one username from all addresses within a window; more answer 429 everywhere until it ends.</summary>
    public int LoginFailuresPerUsername { get; set; } = 50;

    /// <summary>Failed logins and credentials from one address within a window; more answer 429 to that address until it ends.</summary>
    public int FailuresPerAddress { get; set; } = 50;

    /// <summary>The window of the two ceilings; a (username, address) pair quiet this long after its wait is forgotten.</summary>
    public int WindowMinutes { get; set; } = 15;

    public TimeSpan FirstDelay => TimeSpan.FromSeconds(FirstDelaySeconds);

    public TimeSpan MaxDelay => TimeSpan.FromSeconds(MaxDelaySeconds);

    public TimeSpan Window => TimeSpan.FromMinutes(WindowMinutes);
}
