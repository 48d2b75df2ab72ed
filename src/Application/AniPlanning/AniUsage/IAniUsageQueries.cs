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

/// <summary>A page of usage rows and how many rows there are in all.</summary>
public sealed record AniUsageRows(IReadOnlyList<AniUsageRow> Rows, int TotalCount);

/// <summary>
/// The usage of a company's ANIs: every number that dialed in the span or is in the inventory
/// (removed ones too), each aggregated in the database over rollup rows, never over dials.
/// </summary>
public interface IAniUsageQueries
{
    /// <summary>
    /// The rows by peak daily dials (highest first), then dials (highest first), then number: the
    /// <paramref name="take"/> after the first <paramref name="skip"/>, or all of them when it is
    /// null; and how many numbers dialed in the span or are in the inventory.
    /// </summary>
    Task<AniUsageRows> PageAsync(Guid customerId, AniUsageSpan span, int skip, int? take, CancellationToken cancellationToken);
}
