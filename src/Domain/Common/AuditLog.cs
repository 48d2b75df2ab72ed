namespace AniPlanner.Domain.Common;

/// <summary>
/// One change to a customer's resources: who (an access key, a user, the platform key or the
/// system), which customer, what resource, what was done, and when. Never changed or removed.
/// </summary>
public sealed class AuditLog : IListedByCreationTime
{
    private AuditLog()
    {
    }

    public Guid Id { get; private set; }
    public Guid CustomerId { get; private set; }

    /// <summary>"accesskey", "user", "platform" or "system".</summary>
    public string ActorType { get; private set; } = "";

    /// <summary>The access key's or user's id; empty for the platform key and the system.</summary>
    public string ActorId { get; private set; } = "";

    /// <summary>"create", "update" or "delete".</summary>
    public string Action { get; private set; } = "";

    /// <summary>"outplan", "user", "accesskey", "customer", "ani", "campaign" or "settings".</summary>
    public string ResourceType { get; private set; } = "";

    public string ResourceId { get; private set; } = "";
    public DateTime TmCreate { get; private set; }

    public static AuditLog Record(Guid customerId, string actorType, string actorId, string action, string resourceType, string resourceId, DateTime now) =>
        new()
        {
            Id = Guid.NewGuid(),
            CustomerId = customerId,
            ActorType = actorType,
            ActorId = actorId,
            Action = action,
            ResourceType = resourceType,
            ResourceId = resourceId,
            TmCreate = now,
        };
}
