using AniPlanner.Application.Common.Persistence;
using AniPlanner.Application.Common.Specifications;
using AniPlanner.Application.Outplans.Common;
using AniPlanner.Domain.Common;
using AniPlanner.Domain.Outplans;
using Mediator;

namespace AniPlanner.Application.Outplans.SetCallingWindow;

/// <summary>
/// Replaces an outplan's calling window. It is part of the strategy, so the outplan's
/// <c>tm_update</c> moves and the audit trail records an update of the outplan; racing another
/// change, it lands whole after it.
/// </summary>
public sealed record SetCallingWindow(Guid CustomerId, Guid Id, CallingWindowFields Window) : ICommand<CallingWindowDto>;

public sealed class SetCallingWindowHandler(IRepository<Outplan> outplans, TimeProvider clock) : ICommandHandler<SetCallingWindow, CallingWindowDto>
{
    public async ValueTask<CallingWindowDto> Handle(SetCallingWindow command, CancellationToken cancellationToken) =>
        await outplans.RetryOnWriteConflictAsync(
            async () =>
            {
                var outplan = await outplans.FirstOrDefaultAsync(new LiveResourceByIdSpec<Outplan>(command.CustomerId, command.Id), cancellationToken)
                    ?? throw OutplanErrors.NotFound(command.Id);
                outplan.SetCallingWindow(command.Window.ToCallingWindow(), Timestamps.Now(clock));
                await outplans.SaveChangesAsync(cancellationToken);
                return CallingWindowWire.ToDto(outplan.CallingWindow);
            },
            cancellationToken);
}
