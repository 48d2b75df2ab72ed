using AniPlanner.Application.AniPlanning.Common;
using AniPlanner.Application.AniPlanning.GeneratePlan;
using Mediator;

namespace AniPlanner.Application.AniPlanning.AniUsage.GetAniUsage;

/// <summary>
/// <c>GET /ani-planner/anis/usage</c>: the health of every ANI over a range (by default the last 30
/// days through yesterday), busiest day first: each number that dialed in it or is in the
/// inventory. <paramref name="EveryRow"/> (the CSV without page or pageSize) answers all of them
/// instead of a page.
/// </summary>
public sealed record GetAniUsage(
    Guid CustomerId,
    string? DateStart,
    string? DateEnd,
    string? DailyDialsTarget,
    int? Page,
    int? PageSize,
    bool EveryRow = false) : IQuery<AniUsagePageDto>;

/// <summary>Reads a page of usage rows (each summed in the database) and adds where each number belongs.</summary>
public sealed class GetAniUsageHandler(IAniUsageQueries queries, IPhoneGeography geography, TimeProvider clock) : IQueryHandler<GetAniUsage, AniUsagePageDto>
{
    public async ValueTask<AniUsagePageDto> Handle(GetAniUsage query, CancellationToken cancellationToken)
    {
        var options = AniUsageOptions.Parse(query, PlanOptions.Today(clock));
        var everyRow = query is { EveryRow: true, Page: null, PageSize: null };
        var page = query.Page ?? 1;
        var pageSize = query.PageSize ?? AniUsageOptions.DefaultPageSize;
        // In long: (page - 1) x pageSize can pass int.MaxValue, and a wrapped (negative) skip reads page 1.
        var skip = everyRow ? 0 : (int)Math.Min((long)(page - 1) * pageSize, int.MaxValue);
        var (rows, total) = await queries.PageAsync(query.CustomerId, options.Span, skip, everyRow ? null : pageSize, cancellationToken);

        return new AniUsagePageDto
        {
            DateStart = PlanOptions.Format(options.Start),
            DateEnd = PlanOptions.Format(options.End),
            BizDays = options.BizDays,
            DailyDialsTarget = options.DailyDialsTarget.Value,
            Items = [.. rows.Select(row => AniUsageDto.From(row, options.BizDays, geography))],
            Page = everyRow ? 1 : page,
            PageSize = everyRow ? rows.Count : pageSize,
            TotalCount = total,
        };
    }
}
