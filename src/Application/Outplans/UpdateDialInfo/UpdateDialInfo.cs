using AniPlanner.Application.Common.Persistence;
using AniPlanner.Application.Outplans.Common;
using AniPlanner.Domain.Common;
using AniPlanner.Domain.Outplans;
using AutoMapper;
using Mediator;

namespace AniPlanner.Application.Outplans.UpdateDialInfo;

/// <summary>Replaces an outplan's dial info: source, timings and try counts.</summary>
public sealed record UpdateDialInfo(Guid CustomerId, Guid Id, DialInfoFields DialInfo) : ICommand<OutplanDto>;

public sealed class UpdateDialInfoHandler(IRepository<Outplan> outplans, IMapper mapper, TimeProvider clock)
    : ICommandHandler<UpdateDialInfo, OutplanDto>
{
    public async ValueTask<OutplanDto> Handle(UpdateDialInfo command, CancellationToken cancellationToken)
    {
        var outplan = await outplans.FirstOrDefaultAsync(new LiveOutplanByIdSpec(command.CustomerId, command.Id), cancellationToken)
            ?? throw OutplanErrors.NotFound(command.Id);
        outplan.UpdateDialInfo(command.DialInfo.ToDialInfo(), Timestamps.Now(clock));
        await outplans.SaveChangesAsync(cancellationToken);
        return mapper.Map<OutplanDto>(outplan);
    }
}
