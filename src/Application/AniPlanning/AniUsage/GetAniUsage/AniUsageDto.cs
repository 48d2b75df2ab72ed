using AniPlanner.Application.AniPlanning.Common;
using AniPlanner.Application.AniPlanning.GeneratePlan;
using AniPlanner.Application.Common.Wire;

namespace AniPlanner.Application.AniPlanning.AniUsage.GetAniUsage;

/// <summary>
/// One ANI's health over the range, field for field (and in order) as the contract and the CSV
/// show it. The inventory's fields (status, managed) are null for a number not in the inventory;
/// rates are null where there were no dials to divide by.
/// </summary>
public sealed record AniUsageDto(
    string Number,
    string Country,
    string AreaCode,
    string Region,
    string State,
    string? Status,
    bool? Managed,
    long Dials,
    long Contacts,
    decimal? ContactRate,
    int ActiveDays,
    decimal DailyDialsAverage,
    long PeakDailyDials,
    int DaysOverTarget,
    string? LastDialed,
    decimal? LastSevenDaysContactRate)
{
    /// <summary>
    /// The row's figures, and where the number belongs: the inventory's area and country when it is
    /// in the inventory (as <see cref="AniDto"/> shows them), else read from the number itself.
    /// </summary>
    public static AniUsageDto From(AniUsageRow row, int bizDays, IPhoneGeography geography)
    {
        var located = row.AreaKey is not null
            ? new NumberArea(row.AreaKey, row.Country ?? "")
            : geography.TryLocate(row.Number, out var area, out _) ? area : new NumberArea("", "");
        var region = geography.Area(located.AreaKey);
        var planRow = PlanRows.RowOf(region);
        return new AniUsageDto(
            row.Number,
            located.Country,
            region?.AreaCode ?? "",
            planRow?.Region ?? "",
            planRow?.State ?? "",
            row.Status?.ToWire(),
            row.Managed,
            row.Dials,
            row.Contacts,
            AniUsageFigures.ContactRate(row.Contacts, row.Dials),
            row.ActiveDays,
            AniUsageFigures.DailyAverage(row.Dials, bizDays),
            row.PeakDailyDials,
            row.DaysOverTarget,
            row.LastDialed is { } day ? PlanOptions.Format(day) : null,
            AniUsageFigures.ContactRate(row.RecentContacts, row.RecentDials));
    }
}

/// <summary>The range the figures cover (after defaults), its weekdays, the target, and a page of ANIs.</summary>
public sealed class AniUsagePageDto
{
    public string DateStart { get; init; } = "";
    public string DateEnd { get; init; } = "";
    public int BizDays { get; init; }
    public int DailyDialsTarget { get; init; }
    public IReadOnlyList<AniUsageDto> Items { get; init; } = [];
    public int Page { get; init; }
    public int PageSize { get; init; }
    public int TotalCount { get; init; }
}

/// <summary>The arithmetic of a usage row, to one decimal as the plan's overallContactRate.</summary>
public static class AniUsageFigures
{
    /// <summary>100 × contacts / dials, to one decimal (always printed with it); null without dials.</summary>
    public static decimal? ContactRate(long contacts, long dials) => dials == 0 ? null : OneDecimal(100m * contacts / dials);

    /// <summary>Dials over the range's weekdays (the plan's bizDays), to one decimal: weekend dials count, weekend days do not.</summary>
    public static decimal DailyAverage(long dials, int bizDays)
    {
        // The validator refuses ranges without a weekday.
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(bizDays);
        return OneDecimal((decimal)dials / bizDays);
    }

    private static decimal OneDecimal(decimal value) => Math.Round(value, 1, MidpointRounding.AwayFromZero) + 0.0m;
}
