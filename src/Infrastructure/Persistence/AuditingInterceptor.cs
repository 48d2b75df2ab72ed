using AniPlanner.Application.Common.Auditing;
using AniPlanner.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace AniPlanner.Infrastructure.Persistence;

/// <summary>
/// Writes the audit trail: every change to an audited resource adds an <see cref="AuditLog"/>
/// to the same SaveChanges, so a change and its record commit together or not at all, and no
/// handler can forget one. Each resource says how it is recorded (<see cref="IAuditedResource"/>),
/// so this knows no module. A soft delete (tm_delete set) is recorded as a delete.
/// </summary>
public sealed class AuditingInterceptor(ICurrentActor actor, TimeProvider clock) : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Record(eventData.Context);
        return base.SavingChanges(eventData, result);
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Record(eventData.Context);
        return base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    private void Record(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        var now = Timestamps.Now(clock);
        var logs = new List<AuditLog>();
        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted) || entry.Entity is not IAuditedResource audited)
            {
                continue;
            }

            var action = entry.State switch
            {
                EntityState.Added => "create",
                EntityState.Deleted => "delete",
                _ when IsSoftDelete(entry) => "delete",
                _ => "update",
            };
            var (customerId, resourceType, resourceId) = audited.AuditedAs();
            logs.Add(AuditLog.Record(customerId, actor.ActorType, actor.ActorId, action, resourceType, resourceId, now));
        }

        context.AddRange(logs);
    }

    private static bool IsSoftDelete(EntityEntry entry) =>
        entry.Metadata.FindProperty("TmDelete") is not null
        && entry.Property("TmDelete") is { IsModified: true, OriginalValue: null, CurrentValue: not null };
}
