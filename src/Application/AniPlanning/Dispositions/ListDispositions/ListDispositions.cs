using AniPlanner.Application.AniPlanning.Common;
using AniPlanner.Application.Common.Persistence;
using AniPlanner.Domain.AniPlanning.Dispositions;
using Mediator;

namespace AniPlanner.Application.AniPlanning.Dispositions.ListDispositions;

/// <summary>The company's dispositions by name, those recorded from dials (declared false) among them.</summary>
public sealed record ListDispositions(Guid CustomerId) : IQuery<IReadOnlyList<DispositionDto>>;

public sealed class ListDispositionsHandler(IRepository<Disposition> dispositions) : IQueryHandler<ListDispositions, IReadOnlyList<DispositionDto>>
{
    public async ValueTask<IReadOnlyList<DispositionDto>> Handle(ListDispositions query, CancellationToken cancellationToken) =>
        [.. (await dispositions.ListAsync(new DispositionsOfCustomerSpec(query.CustomerId), cancellationToken)).Select(DispositionDto.From)];
}
