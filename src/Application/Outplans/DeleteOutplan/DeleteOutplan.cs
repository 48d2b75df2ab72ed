using AniPlanner.Application.Common.Persistence;
using AniPlanner.Application.Outplans.Common;
using AniPlanner.Domain.Common;
using AniPlanner.Domain.Outplans;
using AutoMapper;
using Mediator;

namespace AniPlanner.Application.Outplans.DeleteOutplan;

/// <summary>Soft-deletes an outplan; deleting it again answers it unchanged.</summary>
public sealed record DeleteOutplan(Guid CustomerId, Guid Id) : ICommand<OutplanDto>;

public sealed class DeleteOutplanHandler(IRepository<Outplan> outplans, IMapper mapper, TimeProvider clock)
    : ICommandHandler<DeleteOutplan, OutplanDto>
{
    public async ValueTask<OutplanDto> Handle(DeleteOutplan command, CancellationToken cancellationToken)
    {
        var outplan = await outplans.FirstOrDefaultAsync(new OutplanByIdSpec(command.CustomerId, command.Id), cancellationToken)
            ?? throw OutplanErrors.NotFound(command.Id);
        if (!outplan.IsDeleted)
        {
            outplan.Delete(Timestamps.Now(clock));
            await outplans.SaveChangesAsync(cancellationToken);
        }

        return mapper.Map<OutplanDto>(outplan);
    }
}
