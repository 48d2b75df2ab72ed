using AniPlanner.Application.AniPlanning.AniInventory.UpsertAnis;
using AniPlanner.Application.AniPlanning.Common;
using AniPlanner.Application.Common.Persistence;
using AniPlanner.Application.Common.Specifications;
using AniPlanner.Application.Common.Wire;
using AniPlanner.Domain.AniPlanning.AniInventory;
using FluentValidation;
using Mediator;

namespace AniPlanner.Application.AniPlanning.AniInventory.ListAnis;

/// <summary>A page of the company's ANIs, by number, with the region each counts toward.</summary>
public sealed record ListAnis(Guid CustomerId, int? Page, int? PageSize) : IQuery<AniPageDto>;

public sealed record AniDto(string Number, string Status, bool Managed, string Country, string AreaCode, string Region, string State);

public sealed record AniPageDto(IReadOnlyList<AniDto> Items, int Page, int PageSize, int TotalCount);

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
        return new AniPageDto([.. items.Select(ToDto)], page, pageSize, total);
    }

    /// <summary>Numbers outside any plan row (freephone, foreign, unknown codes) show an empty region.</summary>
    private AniDto ToDto(Ani ani)
    {
        var area = geography.Area(ani.AreaKey);
        var row = PlanRows.RowOf(area);
        return new AniDto(ani.Number, ani.Status.ToWire(), ani.Managed, ani.Country, area?.AreaCode ?? "", row?.Region ?? "", row?.State ?? "");
    }
}

public sealed class ListAnisValidator : AbstractValidator<ListAnis>
{
    public ListAnisValidator()
    {
        RuleFor(query => query.Page).GreaterThanOrEqualTo(1).WithMessage("page starts at 1.");
        RuleFor(query => query.PageSize)
            .InclusiveBetween(1, ListAnisHandler.MaxPageSize)
            .WithMessage($"pageSize must be between 1 and {ListAnisHandler.MaxPageSize}.");
    }
}

public sealed class AnisOfCustomerSpec : Specification<Ani>
{
    public AnisOfCustomerSpec(Guid customerId) => Query.Where(ani => ani.CustomerId == customerId);
}

public sealed class AnisPageSpec : Specification<Ani>
{
    public AnisPageSpec(Guid customerId, int skip, int take) =>
        Query.Where(ani => ani.CustomerId == customerId).OrderBy(ani => ani.Number).Skip(skip).Take(take).AsNoTracking();
}
