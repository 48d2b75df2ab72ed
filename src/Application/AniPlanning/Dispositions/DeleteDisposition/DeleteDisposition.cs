using AniPlanner.Application.AniPlanning.Common;
using AniPlanner.Application.Common.Persistence;
using AniPlanner.Domain.AniPlanning.Dispositions;
using Mediator;

namespace AniPlanner.Application.AniPlanning.Dispositions.DeleteDisposition;

/// <summary>
/// Deletes a disposition; answers it as it was. Its dials keep the contacts they were counted with;
/// a dial naming it later records it again (not a contact) until it is declared.
/// </summary>
public sealed record DeleteDisposition(Guid CustomerId, string Identifier) : ICommand<DispositionDto>;

public sealed class DeleteDispositionHandler(IRepository<Disposition> dispositions, IDispositionDials dials) : ICommandHandler<DeleteDisposition, DispositionDto>
{
    public async ValueTask<DispositionDto> Handle(DeleteDisposition command, CancellationToken cancellationToken)
    {
        var disposition = await dispositions.FirstOrDefaultAsync(new DispositionByIdentifierSpec(command.CustomerId, command.Identifier), cancellationToken)
            ?? throw AniPlanningErrors.DispositionNotFound(command.Identifier);
        await dials.DeleteAsync(disposition, cancellationToken);
        return DispositionDto.From(disposition);
    }
}
