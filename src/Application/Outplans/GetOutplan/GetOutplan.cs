using AniPlanner.Application.Common.Persistence;
using AniPlanner.Application.Common.Specifications;
using AniPlanner.Application.Outplans.Common;
using AniPlanner.Domain.Outplans;
using AutoMapper;
using Mediator;

namespace AniPlanner.Application.Outplans.GetOutplan;

/// <summary>One outplan; a deleted one is still answered, with its <c>tm_delete</c>, as VoIPBIN does.</summary>
public sealed record GetOutplan(Guid CustomerId, Guid Id) : IQuery<OutplanDto>;

public sealed class GetOutplanHandler(IRepository<Outplan> outplans, IMapper mapper) : IQueryHandler<GetOutplan, OutplanDto>
{
    public async ValueTask<OutplanDto> Handle(GetOutplan query, CancellationToken cancellationToken)
    {
        var outplan = await outplans.FirstOrDefaultAsync(new ResourceToReadByIdSpec<Outplan>(query.CustomerId, query.Id), cancellationToken)
            ?? throw OutplanErrors.NotFound(query.Id);
        return mapper.Map<OutplanDto>(outplan);
    }
}
