namespace AniPlanner.Infrastructure.Persistence;

/// <summary>A turn taken on a semaphore, given back once however often it is disposed.</summary>
public sealed class SemaphoreTurn(SemaphoreSlim semaphore) : IDisposable
{
    private int _released;

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _released, 1) == 0)
        {
            semaphore.Release();
        }
    }
}
