using AniPlanner.Application.Identity.Common;
using AniPlanner.Domain.AniPlanning.AniInventory;
using AniPlanner.Domain.AniPlanning.Campaigns;
using AniPlanner.Domain.AniPlanning.Settings;
using AniPlanner.Domain.Common;
using AniPlanner.Domain.Identity;
using AniPlanner.Domain.Outplans;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace AniPlanner.Infrastructure.Persistence;

/// <summary>
/// Writes the audit trail: every change to an audited resource adds an <see cref="AuditLog"/>
/// to the same SaveChanges, so a change and its record commit together or not at all, and no
/// handler can forget one. A soft delete (tm_delete set) is recorded as a delete.
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
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted) || Describe(entry.Entity) is not { } target)
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
            logs.Add(AuditLog.Record(target.CustomerId, actor.ActorType, actor.ActorId, action, target.Type, target.Id, now));
        }

        context.AddRange(logs);
    }

    /// <summary>The audited resources, by the id a person would look them up by.</summary>
    private static (Guid CustomerId, string Type, string Id)? Describe(object entity) => entity switch
    {
        Outplan outplan => (outplan.CustomerId, "outplan", outplan.Id.ToString()),
        User user => (user.CustomerId, "user", user.Id.ToString()),
        AccessKey key => (key.CustomerId, "accesskey", key.Id.ToString()),
        Customer customer => (customer.Id, "customer", customer.Id.ToString()),
        Ani ani => (ani.CustomerId, "ani", ani.Number),
        Campaign campaign => (campaign.CustomerId, "campaign", campaign.InternalIdentifier),
        PlannerSettings settings => (settings.CustomerId, "settings", settings.CustomerId.ToString()),
        _ => null,
    };

    private static bool IsSoftDelete(EntityEntry entry) =>
        entry.Metadata.FindProperty("TmDelete") is not null
        && entry.Property("TmDelete") is { IsModified: true, OriginalValue: null, CurrentValue: not null };
}
