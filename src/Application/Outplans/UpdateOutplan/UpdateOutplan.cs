using AniPlanner.Application.Common.Persistence;
using AniPlanner.Application.Common.Specifications;
using AniPlanner.Application.Outplans.Common;
using AniPlanner.Domain.Common;
using AniPlanner.Domain.Outplans;
using AutoMapper;
using Mediator;

namespace AniPlanner.Application.Outplans.UpdateOutplan;

/// <summary>
/// Updates an outplan's basic info (name and detail); missing fields become empty. Racing another
/// change, it lands whole after it; racing a delete, it lands before it or answers not found.
/// </summary>
public sealed record UpdateOutplan(Guid CustomerId, Guid Id, string? Name, string? Detail) : ICommand<OutplanDto>;

public sealed class UpdateOutplanHandler(IRepository<Outplan> outplans, IMapper mapper, TimeProvider clock)
    : ICommandHandler<UpdateOutplan, OutplanDto>
{
    public async ValueTask<OutplanDto> Handle(UpdateOutplan command, CancellationToken cancellationToken) =>
        await outplans.RetryOnWriteConflictAsync(
            async () =>
            {
                var outplan = await outplans.FirstOrDefaultAsync(new LiveResourceByIdSpec<Outplan>(command.CustomerId, command.Id), cancellationToken)
                    ?? throw OutplanErrors.NotFound(command.Id);
                outplan.UpdateBasicInfo(command.Name ?? "", command.Detail ?? "", Timestamps.Now(clock));
                await outplans.SaveChangesAsync(cancellationToken);
                return mapper.Map<OutplanDto>(outplan);
            },
            cancellationToken);
}
