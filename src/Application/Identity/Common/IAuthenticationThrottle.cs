namespace AniPlanner.Application.Identity.Common;

/// <summary>
/// Slows credential guessing. Failed logins are limited per (username, address), with a wait
/// that grows with each failure, and per username from all addresses; failed logins and failed
/// credentials (access keys, login tokens) together per address. A try is reserved before the
/// password or credential is checked, so guesses sent in parallel cannot pass a limit.
/// </summary>
public interface IAuthenticationThrottle
{
    /// <summary>Reserves a login of the (normalized) username from the address, or refuses it.</summary>
    ValueTask<IAuthenticationAttempt> BeginLoginAsync(string username, string address, CancellationToken cancellationToken);

    /// <summary>Reserves a check of a presented access key or login token from the address, or refuses it.</summary>
    ValueTask<IAuthenticationAttempt> BeginCredentialCheckAsync(string address, CancellationToken cancellationToken);
}

/// <summary>
/// One reserved try: say how it ended. Disposed without either (bad input, a database failure),
/// its reservation is freed and nothing is counted.
/// </summary>
public interface IAuthenticationAttempt : IAsyncDisposable
{
    /// <summary>Set when the try is refused: how long until the caller may try again. Nothing is reserved then.</summary>
    TimeSpan? RetryAfter { get; }

    ValueTask FailedAsync();

    ValueTask SucceededAsync();
}
