using AniPlanner.Application.Common.Persistence;
using AniPlanner.Application.Outplans.Common;
using AniPlanner.Domain.Common;
using AniPlanner.Domain.Outplans;
using AutoMapper;
using Mediator;

namespace AniPlanner.Application.Outplans.CreateOutplan;

public sealed record CreateOutplan(Guid CustomerId, string? Name, string? Detail, DialInfoFields DialInfo) : ICommand<OutplanDto>;

public sealed class CreateOutplanHandler(IRepository<Outplan> outplans, IMapper mapper, TimeProvider clock)
    : ICommandHandler<CreateOutplan, OutplanDto>
{
    public async ValueTask<OutplanDto> Handle(CreateOutplan command, CancellationToken cancellationToken)
    {
        var outplan = Outplan.Create(
            command.CustomerId, command.Name ?? "", command.Detail ?? "", command.DialInfo.ToDialInfo(), Timestamps.Now(clock));
        outplans.Add(outplan);
        await outplans.SaveChangesAsync(cancellationToken);
        return mapper.Map<OutplanDto>(outplan);
    }
}
