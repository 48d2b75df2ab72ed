using AniPlanner.Domain.AniPlanning.AniInventory;

namespace AniPlanner.Application.AniPlanning.AniUsage;

/// <summary>
/// The days a usage read covers: <see cref="Start"/>..<see cref="End"/>, the last seven of them
/// from <see cref="RecentStart"/>, and the dials above which a day counts as over the target.
/// </summary>
public readonly record struct AniUsageSpan(DateOnly Start, DateOnly End, DateOnly RecentStart, int DailyDialsTarget);

/// <summary>
/// One ANI's counts over a span, summed by the database from the per-ANI, per-day rollup; the
/// inventory's fields are null for a number that dialed but is not in the inventory.
/// </summary>
public sealed record AniUsageRow(
    string Number,
    AniStatus? Status,
    bool? Managed,
    string? AreaKey,
    string? Country,
    long Dials,
    long Contacts,
    int ActiveDays,
    long PeakDailyDials,
    int DaysOverTarget,
    DateOnly? LastDialed,
    long RecentDials,
    long RecentContacts);

/// <summary>
/// The usage of a company's ANIs: every number that dialed in the span or is in the inventory
/// (removed ones too), each aggregated in the database over rollup rows, never over dials.
/// </summary>
public interface IAniUsageQueries
{
    /// <summary>
    /// The rows by peak daily dials (highest first), then dials (highest first), then number: the
    /// <paramref name="take"/> after the first <paramref name="skip"/>, or all of them when it is null.
    /// </summary>
    Task<IReadOnlyList<AniUsageRow>> PageAsync(Guid customerId, AniUsageSpan span, int skip, int? take, CancellationToken cancellationToken);

    /// <summary>How many numbers dialed from <paramref name="start"/> to <paramref name="end"/> or are in the inventory.</summary>
    Task<int> CountAsync(Guid customerId, DateOnly start, DateOnly end, CancellationToken cancellationToken);
}
