using AniPlanner.Application.Common.Persistence;
using AniPlanner.Application.Common.Specifications;
using AniPlanner.Application.Outplans.Common;
using AniPlanner.Domain.Common;
using AniPlanner.Domain.Outplans;
using AutoMapper;
using Mediator;

namespace AniPlanner.Application.Outplans.UpdateDialInfo;

/// <summary>
/// Replaces an outplan's dial info: source, timings and try counts. Racing another change, it
/// lands whole after it; racing a delete, it lands before it or answers not found.
/// </summary>
public sealed record UpdateDialInfo(Guid CustomerId, Guid Id, DialInfoFields DialInfo) : ICommand<OutplanDto>;

public sealed class UpdateDialInfoHandler(IRepository<Outplan> outplans, IMapper mapper, TimeProvider clock)
    : ICommandHandler<UpdateDialInfo, OutplanDto>
{
    public async ValueTask<OutplanDto> Handle(UpdateDialInfo command, CancellationToken cancellationToken) =>
        await outplans.RetryOnWriteConflictAsync(
            async () =>
            {
                var outplan = await outplans.FirstOrDefaultAsync(new LiveResourceByIdSpec<Outplan>(command.CustomerId, command.Id), cancellationToken)
                    ?? throw OutplanErrors.NotFound(command.Id);
                outplan.UpdateDialInfo(command.DialInfo.ToDialInfo(), Timestamps.Now(clock));
                await outplans.SaveChangesAsync(cancellationToken);
                return mapper.Map<OutplanDto>(outplan);
            },
            cancellationToken);
}
