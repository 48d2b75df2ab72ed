namespace AniPlanner.Application.AniPlanning.ImportDials;

// Kept with the import, which defines what an import is, though the demo seed, start-up and the reference data use it too.
/// <summary>
/// Storage for dials and their rollups. An import stages rows as they stream in and, on commit,
/// writes the new ones and adds them to the rollups in one transaction, set-based, inside the
/// database. Disposing an import that was not committed rolls everything back.
/// </summary>
public interface IDialStore
{
    Task<IDialImport> BeginImportAsync(Guid customerId, CancellationToken cancellationToken);

    /// <summary>
    /// Removes what imports interrupted by a crash left behind (only a store that writes an import
    /// in several transactions leaves anything); answers how many imports.
    /// </summary>
    Task<int> RemoveInterruptedImportsAsync(CancellationToken cancellationToken);

    /// <summary>Recomputes the ZIP rollups from the stored dials (after the ZIP table changed).</summary>
    Task RebuildZipRollupsAsync(CancellationToken cancellationToken);
}

public interface IDialImport : IAsyncDisposable
{
    ValueTask StageAsync(StagedDial dial, CancellationToken cancellationToken);

    /// <summary>Writes the staged dials whose call id is new; answers how many were new and how many known.</summary>
    Task<DialImportCounts> CommitAsync(CancellationToken cancellationToken);
}

/// <summary>
/// A checked dial, with the area keys it counts toward under each grouping, and the disposition
/// its contacted flag came from (stored with its area keys, so a change of the flag can re-count it).
/// </summary>
public readonly record struct StagedDial(
    string CallId,
    long CampaignId,
    DateTime DialedAtUtc,
    DateOnly Day,
    string ProspectNumber,
    string AniNumber,
    string ProspectZip,
    bool Contacted,
    string ProspectAreaKey,
    string AniAreaKey,
    string ZipAreaKey,
    long? DispositionId = null);

public readonly record struct DialImportCounts(long Accepted, long Duplicates);
