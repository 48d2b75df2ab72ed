using AniPlanner.Application.Common.Persistence;
using AniPlanner.Application.Common.Specifications;
using AniPlanner.Application.Common.Wire;
using AniPlanner.Application.Outplans.Common;
using AniPlanner.Domain.Outplans;
using AutoMapper;
using Mediator;

namespace AniPlanner.Application.Outplans.ListOutplans;

/// <summary>
/// A page of live outplans, newest first. <c>page_size</c> and <c>page_token</c> arrive as the
/// caller typed them; the validator has checked their shape.
/// </summary>
public sealed record ListOutplans(Guid CustomerId, string? PageSize, string? PageToken) : IQuery<OutplanPageDto>;

public sealed class ListOutplansHandler(IRepository<Outplan> outplans, IMapper mapper, WireTimeFormat wireTime) : IQueryHandler<ListOutplans, OutplanPageDto>
{
    public async ValueTask<OutplanPageDto> Handle(ListOutplans query, CancellationToken cancellationToken)
    {
        var (page, nextPageToken) = await CreationTimePaging.PageAsync(
            outplans,
            wireTime,
            query.PageSize,
            query.PageToken,
            ListScopes.LiveOf<Outplan>(query.CustomerId),
            cancellationToken);
        return new OutplanPageDto { Result = mapper.Map<List<OutplanDto>>(page), NextPageToken = nextPageToken };
    }
}
