using AniPlanner.Domain.AniPlanning.Dispositions;

namespace AniPlanner.Application.AniPlanning.Common;

/// <summary>
/// Changes to a disposition that reach its dials, each in one transaction with the change itself
/// (and its audit entry), set-based in the database, taking turns with the company's dial imports.
/// </summary>
public interface IDispositionDials
{
    /// <summary>
    /// Saves the disposition's tracked change and re-counts its dials by its contact flag: each dial
    /// whose contacted differs is flipped, and every rollup it counts in gains or loses the contact.
    /// Answers how many dials changed.
    /// </summary>
    Task<long> SaveAndRecountAsync(Disposition disposition, CancellationToken cancellationToken);

    /// <summary>Deletes the disposition; its dials keep the contacts they were counted with and no longer name it.</summary>
    Task DeleteAsync(Disposition disposition, CancellationToken cancellationToken);
}
