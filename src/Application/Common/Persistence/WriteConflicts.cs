using AniPlanner.Application.Common.Exceptions;

namespace AniPlanner.Application.Common.Persistence;

/// <summary>
/// Optimistic concurrency for commands that read, change and save: when the save finds that
/// another request got there first (<see cref="WriteConflictException"/>), the whole command runs
/// again on what that request left, so the last writer wins whole and a change to something
/// deleted meanwhile answers as for a deleted one. Bounded: a command that keeps losing is
/// answered 409 and may be sent again.
/// </summary>
public static class WriteConflicts
{
    /// <summary>32 writers on one outplan at once took up to 11 attempts in tests; 20 leaves room and ends within about 3 s of pauses.</summary>
    public const int MaxAttempts = 20;

    /// <param name="command">Reads, changes and saves through <paramref name="unitOfWork"/>; run once per attempt.</param>
    public static async Task<TResult> RetryOnWriteConflictAsync<TEntity, TResult>(
        this IRepository<TEntity> unitOfWork, Func<Task<TResult>> command, CancellationToken cancellationToken)
        where TEntity : class
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await command();
            }
            catch (WriteConflictException) when (attempt < MaxAttempts)
            {
                // The next attempt must read the rows afresh, and must not save the lost attempt's
                // changes (its audit row included) a second time.
                unitOfWork.DiscardChanges();
                await Task.Delay(Backoff(attempt), cancellationToken);
            }
        }
    }

    /// <summary>A random pause that grows with each loss, so writers that keep colliding spread out.</summary>
    private static TimeSpan Backoff(int attempt) => TimeSpan.FromMilliseconds(Random.Shared.Next(0, Math.Min(5 << attempt, 200)));
}
