using AniPlanner.Application.AniPlanning.Common;
using AniPlanner.Application.Common.Persistence;
using AniPlanner.Domain.AniPlanning.Dispositions;
using Mediator;

namespace AniPlanner.Application.AniPlanning.Dispositions.GetDisposition;

public sealed record GetDisposition(Guid CustomerId, string Identifier) : IQuery<DispositionDto>;

public sealed class GetDispositionHandler(IRepository<Disposition> dispositions) : IQueryHandler<GetDisposition, DispositionDto>
{
    public async ValueTask<DispositionDto> Handle(GetDisposition query, CancellationToken cancellationToken) =>
        DispositionDto.From(await dispositions.FirstOrDefaultAsync(new DispositionByIdentifierSpec(query.CustomerId, query.Identifier), cancellationToken)
            ?? throw AniPlanningErrors.DispositionNotFound(query.Identifier));
}
