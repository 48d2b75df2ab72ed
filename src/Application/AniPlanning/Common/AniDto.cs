namespace AniPlanner.Application.AniPlanning.Common;

public sealed record AniDto(string Number, string Status, bool Managed, string Country, string AreaCode, string Region, string State);

public sealed record AniPageDto(IReadOnlyList<AniDto> Items, int Page, int PageSize, int TotalCount);
