using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace AniPlanner.Infrastructure.Persistence;

/// <summary>Makes each SaveChanges on SQLite wait its turn at the <see cref="SqliteWriteGate"/> and hold it until it is done.</summary>
public sealed class SqliteWriteTurnInterceptor(SqliteWriteGate gate) : SaveChangesInterceptor
{
    private readonly ConditionalWeakTable<DbContext, IDisposable> _turns = [];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Hold(eventData.Context, gate.Enter());
        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Hold(eventData.Context, await gate.EnterAsync(cancellationToken));
        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Release(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Release(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Release(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Release(eventData.Context);
        return Task.CompletedTask;
    }

    public override void SaveChangesCanceled(DbContextEventData eventData) => Release(eventData.Context);

    public override Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default)
    {
        Release(eventData.Context);
        return Task.CompletedTask;
    }

    private void Hold(DbContext? context, IDisposable turn)
    {
        if (context is null)
        {
            turn.Dispose();
            return;
        }

        _turns.AddOrUpdate(context, turn);
    }

    private void Release(DbContext? context)
    {
        if (context is not null && _turns.TryGetValue(context, out var turn))
        {
            _turns.Remove(context);
            turn.Dispose();
        }
    }
}
