using AniPlanner.Application.Common.Exceptions;

namespace AniPlanner.Infrastructure.Persistence;

/// <summary>
/// Turns for writing to SQLite, first come first served. SQLite lets one connection write at a
/// time and makes the others poll (Microsoft.Data.Sqlite sleeps 150 ms between tries), so a
/// writer that commits again and again, such as a large dial import, could keep the others out
/// until they time out. Every write of this process waits its turn here instead: a request's
/// SaveChanges (through the repository), and each of an import's short transactions, so nobody
/// waits behind more than the one transaction in progress.
/// </summary>
public sealed class SqliteWriteGate : IWriteTurns
{
    /// <summary>How long a write waits for its turn before it answers 503 (nothing stored).</summary>
    public static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    // Asynchronous waiters on a SemaphoreSlim are released in the order they arrived.
    private readonly SemaphoreSlim _turn = new(1, 1);

    public async Task<IDisposable> EnterAsync(CancellationToken cancellationToken) =>
        await _turn.WaitAsync(Wait, cancellationToken) ? new SemaphoreTurn(_turn) : throw Busy();

    private static DatabaseBusyException Busy() => new(
        $"The database has been busy with other writes for {Wait.TotalSeconds:0} seconds; nothing of this request was stored. Send it again shortly.");
}
