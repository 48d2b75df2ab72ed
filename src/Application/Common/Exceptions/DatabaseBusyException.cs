namespace AniPlanner.Application.Common.Exceptions;

/// <summary>
/// The database could not serve the request now because another one holds what it needs, and
/// nothing of this request was stored: the same request may succeed when sent again shortly.
/// </summary>
public sealed class DatabaseBusyException(string message) : Exception(message)
{
    /// <summary>How long a dial import's commit waits for another import of the same customer to commit.</summary>
    public static readonly TimeSpan DialImportCommitWait = TimeSpan.FromSeconds(60);

    public static DatabaseBusyException AnotherDialImportCommitting() => new(
        "Another dial import of this customer is still being committed; nothing of this one was stored. Send it again shortly.");
}
