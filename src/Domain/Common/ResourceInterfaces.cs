namespace AniPlanner.Domain.Common;

/// <summary>Listed newest first and paged by creation time (VoIPBIN's <c>page_token</c>).</summary>
public interface IListedByCreationTime
{
    Guid Id { get; }
    DateTime TmCreate { get; }
}

/// <summary>
/// A customer's resource that is listed by creation time and deleted softly: what the generic
/// live-by-id and paging specifications work on.
/// </summary>
public interface ICustomerOwnedResource : IListedByCreationTime
{
    Guid CustomerId { get; }
    DateTime? TmDelete { get; }
}

/// <summary>
/// A resource whose changes the audit trail records. It says itself which customer's trail,
/// under what type and by which id a person would look it up.
/// </summary>
public interface IAuditedResource
{
    AuditedAs AuditedAs();
}

/// <summary>How a change to a resource appears in its customer's audit trail.</summary>
public readonly record struct AuditedAs(Guid CustomerId, string ResourceType, string ResourceId);
