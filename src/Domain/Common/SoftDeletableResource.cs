namespace AniPlanner.Domain.Common;

/// <summary>
/// A resource the wire lists newest first and deletes softly (VoIPBIN's <c>tm_create</c>,
/// <c>tm_update</c> and <c>tm_delete</c>), with the version that keeps racing writers apart.
/// </summary>
public abstract class SoftDeletableResource : IListedByCreationTime
{
    public Guid Id { get; protected set; }
    public DateTime TmCreate { get; protected set; }

    /// <summary>Null until the first update or the delete; the wire shows VoIPBIN's 9999 sentinel then.</summary>
    public DateTime? TmUpdate { get; protected set; }

    /// <summary>Null while the resource is live; set once by <see cref="Delete"/>.</summary>
    public DateTime? TmDelete { get; protected set; }

    /// <summary>
    /// Counts the changes: every change adds one, and a save writes only while the row still has
    /// the version it was read with, so two requests can never both change what one of them read.
    /// </summary>
    public int Version { get; protected set; }

    public bool IsDeleted => TmDelete is not null;

    /// <summary>
    /// Soft delete; a delete is a change too, so it sets <see cref="TmUpdate"/> as VoIPBIN does.
    /// Deleting again changes nothing, so a retried request is harmless.
    /// </summary>
    public void Delete(DateTime now)
    {
        if (IsDeleted)
        {
            return;
        }

        TmDelete = now;
        Changed(now);
    }

    protected void Changed(DateTime now)
    {
        TmUpdate = now;
        Version++;
    }

    /// <param name="resource">How the refusal names the resource: "A deleted {resource} cannot be changed."</param>
    protected void EnsureLive(string resource)
    {
        if (IsDeleted)
        {
            throw new DomainException($"A deleted {resource} cannot be changed.");
        }
    }
}

/// <summary>A soft-deletable resource that belongs to one customer: outplans, users, access keys.</summary>
public abstract class CustomerOwnedResource : SoftDeletableResource, ICustomerOwnedResource
{
    public Guid CustomerId { get; protected set; }
}
