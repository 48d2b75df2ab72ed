namespace AniPlanner.Infrastructure.Persistence;

/// <summary>
/// Where a database lets one writer in at a time (SQLite), every write of the process waits its
/// turn here, first come first served (<see cref="SqliteWriteGate"/>); elsewhere a turn is free.
/// A turn is held from before the write's transaction begins until after it ends.
/// </summary>
public interface IWriteTurns
{
    Task<IDisposable> EnterAsync(CancellationToken cancellationToken);
}

/// <summary>Server databases lock rows, not the database: writers need no turns.</summary>
public sealed class FreeWriteTurns : IWriteTurns
{
    private static readonly Task<IDisposable> Free = Task.FromResult<IDisposable>(new NothingHeld());

    public Task<IDisposable> EnterAsync(CancellationToken cancellationToken) => Free;

    private sealed class NothingHeld : IDisposable
    {
        public void Dispose()
        {
        }
    }
}
