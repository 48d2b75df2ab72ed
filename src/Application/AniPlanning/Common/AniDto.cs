using AniPlanner.Application.Common.Wire;
using AniPlanner.Domain.AniPlanning.AniInventory;

namespace AniPlanner.Application.AniPlanning.Common;

public sealed record AniDto(string Number, string Status, bool Managed, string Country, string AreaCode, string Region, string State)
{
    /// <summary>Numbers outside any plan row (freephone, foreign, unknown codes) show an empty region.</summary>
    public static AniDto From(Ani ani, IPhoneGeography geography)
    {
        var area = geography.Area(ani.AreaKey);
        var row = PlanRows.RowOf(area);
        return new AniDto(ani.Number, ani.Status.ToWire(), ani.Managed, ani.Country, area?.AreaCode ?? "", row?.Region ?? "", row?.State ?? "");
    }
}

public sealed record AniPageDto(IReadOnlyList<AniDto> Items, int Page, int PageSize, int TotalCount);
