using AniPlanner.Application.AniPlanning.Common;
using AniPlanner.Application.Common.Persistence;
using AniPlanner.Domain.AniPlanning.AniInventory;
using Mediator;

namespace AniPlanner.Application.AniPlanning.AniInventory.ListAnis;

/// <summary>A page of the company's ANIs, by number, with the region each counts toward.</summary>
public sealed record ListAnis(Guid CustomerId, int? Page, int? PageSize) : IQuery<AniPageDto>;

public sealed class ListAnisHandler(IRepository<Ani> anis, IPhoneGeography geography) : IQueryHandler<ListAnis, AniPageDto>
{
    public const int DefaultPageSize = 100;
    public const int MaxPageSize = 1000;

    public async ValueTask<AniPageDto> Handle(ListAnis query, CancellationToken cancellationToken)
    {
        var page = query.Page ?? 1;
        var pageSize = query.PageSize ?? DefaultPageSize;
        // In long: (page - 1) x pageSize can pass int.MaxValue, and a wrapped (negative) skip reads page 1.
        var skip = (int)Math.Min((long)(page - 1) * pageSize, int.MaxValue);
        var items = await anis.ListAsync(new AnisPageSpec(query.CustomerId, skip, pageSize), cancellationToken);
        var total = await anis.CountAsync(new AnisOfCustomerSpec(query.CustomerId), cancellationToken);
        return new AniPageDto([.. items.Select(ani => AniDto.From(ani, geography))], page, pageSize, total);
    }
}
