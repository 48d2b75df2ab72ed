using AniPlanner.Application.Common.Persistence;
using AniPlanner.Application.Common.Specifications;
using AniPlanner.Application.Outplans.Common;
using AniPlanner.Domain.Outplans;
using AutoMapper;
using Mediator;

namespace AniPlanner.Application.Outplans.DeleteOutplan;

/// <summary>
/// Soft-deletes an outplan; deleting it again answers it unchanged. Of deletes that race, one
/// deletes (and is audited); the others find it deleted and answer it as that one left it.
/// </summary>
public sealed record DeleteOutplan(Guid CustomerId, Guid Id) : ICommand<OutplanDto>;

public sealed class DeleteOutplanHandler(IRepository<Outplan> outplans, IMapper mapper, TimeProvider clock)
    : ICommandHandler<DeleteOutplan, OutplanDto>
{
    public async ValueTask<OutplanDto> Handle(DeleteOutplan command, CancellationToken cancellationToken) =>
        mapper.Map<OutplanDto>(await outplans.SoftDeleteAsync(
            new ResourceByIdSpec<Outplan>(command.CustomerId, command.Id), () => OutplanErrors.NotFound(command.Id), clock, cancellationToken));
}
