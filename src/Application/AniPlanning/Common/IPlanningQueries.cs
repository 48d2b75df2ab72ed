using AniPlanner.Domain.AniPlanning.Dials;

namespace AniPlanner.Application.AniPlanning.Common;

/// <summary>Dials and contacts of one area key over a range (summed in the database).</summary>
public readonly record struct AreaVolume(string AreaKey, long Dials, long Contacts);

/// <summary>How many of a company's ANIs one area key (or country) has.</summary>
public readonly record struct KeyCount(string Key, int Count);

/// <summary>
/// The reads a plan needs, each an aggregation done by the database over rollups or the ANI
/// inventory: their cost grows with days × areas, never with the number of dials.
/// </summary>
public interface IPlanningQueries
{
    /// <summary>Dials and contacts per area key of the given campaigns only, day by day and campaign by campaign.</summary>
    Task<IReadOnlyList<AreaVolume>> DialsByAreaAsync(
        Guid customerId, DialGrouping grouping, DateOnly from, DateOnly to, IReadOnlyCollection<long> campaignIds, CancellationToken cancellationToken);

    /// <summary>Dials and contacts per area key of every campaign together, read from whole weeks where the range has them.</summary>
    Task<IReadOnlyList<AreaVolume>> AllCampaignsDialsByAreaAsync(
        Guid customerId, DialGrouping grouping, DateOnly from, DateOnly to, CancellationToken cancellationToken);

    /// <summary>ANIs per area key: not removed, or (<paramref name="managedOnly"/>) active and managed.</summary>
    Task<IReadOnlyList<KeyCount>> AnisByAreaAsync(Guid customerId, bool managedOnly, CancellationToken cancellationToken);

    /// <summary>ANIs (not removed) per ISO country, for detecting the company's country.</summary>
    Task<IReadOnlyList<KeyCount>> AnisByCountryAsync(Guid customerId, CancellationToken cancellationToken);

    /// <summary>All-time dials per ANI area key, the fallback for detecting the country.</summary>
    Task<IReadOnlyList<AreaVolume>> AllDialsByAniAreaAsync(Guid customerId, CancellationToken cancellationToken);
}
