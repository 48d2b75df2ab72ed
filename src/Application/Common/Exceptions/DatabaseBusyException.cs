namespace AniPlanner.Application.Common.Exceptions;

/// <summary>
/// The database could not serve the request now because another one holds what it needs, and
/// nothing of this request was stored: the same request may succeed when sent again shortly.
/// Infrastructure also translates the driver's transient failures (a deadlock victim, a failover)
/// into this, keeping the driver's exception as the inner one.
/// </summary>
public sealed class DatabaseBusyException(string message, Exception? innerException = null) : Exception(message, innerException)
{
    /// <summary>How long a caller is told to wait before sending the request again (Retry-After).</summary>
    public const int RetryAfterSeconds = 5;

    /// <summary>How long a dial import waits for another import of the same customer to commit (on SQLite, to finish).</summary>
    public static readonly TimeSpan DialImportCommitWait = TimeSpan.FromSeconds(60);

    public static DatabaseBusyException AnotherDialImportCommitting() => new(
        "Another dial import of this customer is still being committed; nothing of this one was stored. Send it again shortly.");

    /// <summary>On SQLite an import of a customer runs alone among that customer's imports, from its first row to its commit.</summary>
    public static DatabaseBusyException AnotherDialImportRunning() => new(
        $"Another dial import of this customer has been running for over {(int)DialImportCommitWait.TotalSeconds} seconds (on SQLite a customer's imports run one at a time); nothing of this one was stored. Send it again when that one has answered.");
}
