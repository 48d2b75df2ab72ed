using System.Collections.Concurrent;
using AniPlanner.Application.Common.Exceptions;
using AniPlanner.Infrastructure.Persistence;

namespace AniPlanner.Infrastructure.AniPlanning;

/// <summary>
/// One import at a time per customer on SQLite, from its first row to its commit: an import writes
/// its rows as they arrive and leaves out the call ids the customer has already, which must mean
/// committed ones, not those of another import of the same customer that may yet roll back.
/// Other customers' imports are not held up. (The server stores take a database lock at commit for
/// the same reason.)
/// </summary>
public sealed class SqliteDialImportTurns
{
    private readonly ConcurrentDictionary<Guid, SemaphoreSlim> _turns = new();

    public async Task<IDisposable> EnterAsync(Guid customerId, CancellationToken cancellationToken)
    {
        var turn = _turns.GetOrAdd(customerId, _ => new SemaphoreSlim(1, 1));
        return await turn.WaitAsync(DatabaseBusyException.DialImportCommitWait, cancellationToken)
            ? new SemaphoreTurn(turn)
            : throw DatabaseBusyException.AnotherDialImportRunning();
    }
}
