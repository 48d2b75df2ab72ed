using AniPlanner.Application.AniPlanning.Common;
using AniPlanner.Application.Common.Persistence;
using AniPlanner.Domain.AniPlanning.Dispositions;
using AniPlanner.Domain.Common;
using Mediator;

namespace AniPlanner.Application.AniPlanning.Dispositions.PutDisposition;

/// <summary>
/// Declares the disposition the dialer knows as <see cref="Identifier"/>, creating or replacing it.
/// A name that dials recorded before it was declared is taken over with those dials. When the
/// contact flag changes, every stored dial with the disposition is counted again.
/// </summary>
public sealed record PutDisposition(Guid CustomerId, string Identifier, string? Name, string? Type, bool? Contact, bool? Success)
    : ICommand<DispositionDto>;

public sealed class PutDispositionHandler(IRepository<Disposition> dispositions, IDispositionDials dials, IPlannerDataVersions versions, TimeProvider clock)
    : ICommandHandler<PutDisposition, DispositionDto>
{
    /// <summary>Two simultaneous declarations of one id or name: the one that saves second runs again on what the first stored.</summary>
    public async ValueTask<DispositionDto> Handle(PutDisposition command, CancellationToken cancellationToken) =>
        await dispositions.RetryOnWriteConflictAsync(() => PutAsync(command, cancellationToken), cancellationToken);

    private async Task<DispositionDto> PutAsync(PutDisposition command, CancellationToken cancellationToken)
    {
        var now = Timestamps.Now(clock);
        var type = DispositionTypes.Parse(command.Type!)!.Value;
        var current = await dispositions.FirstOrDefaultAsync(new DispositionByIdentifierSpec(command.CustomerId, command.Identifier), cancellationToken);
        var named = await dispositions.FirstOrDefaultAsync(new DispositionByNameSpec(command.CustomerId, command.Name!), cancellationToken);
        if (named is not null && named.Id != current?.Id && (current is not null || named.Declared))
        {
            throw AniPlanningErrors.DispositionNameTaken(command.Name!, named.Identifier);
        }

        var disposition = current ?? named;
        if (disposition is null)
        {
            disposition = Disposition.Declare(command.CustomerId, command.Identifier, command.Name!, type, command.Contact!.Value, command.Success!.Value, now);
            dispositions.Add(disposition);
            await dispositions.SaveChangesAsync(cancellationToken);
            return DispositionDto.From(disposition);
        }

        if (disposition.DeclareAs(command.Identifier, command.Name!, type, command.Contact!.Value, command.Success!.Value, now))
        {
            if (await dials.SaveAndRecountAsync(disposition, cancellationToken) > 0)
            {
                await versions.BumpAsync(command.CustomerId, cancellationToken);
            }
        }
        else
        {
            await dispositions.SaveChangesAsync(cancellationToken);
        }

        return DispositionDto.From(disposition);
    }
}
