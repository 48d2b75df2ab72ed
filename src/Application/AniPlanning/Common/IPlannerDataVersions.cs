namespace AniPlanner.Application.AniPlanning.Common;

/// <summary>
/// A number per company that every change to what its ANI usage is read from moves on (dial
/// imports, disposition re-counts, the inventory), so answers kept under one version are never
/// served after a change, by any instance: the version is read from the database.
/// </summary>
public interface IPlannerDataVersions
{
    Task<long> CurrentAsync(Guid customerId, CancellationToken cancellationToken);

    /// <summary>Moves the version on; called once the change is committed, so no answer of the new data is kept under the old version past it.</summary>
    Task BumpAsync(Guid customerId, CancellationToken cancellationToken);
}
