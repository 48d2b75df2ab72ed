using AniPlanner.Application.Common.Persistence;
using AniPlanner.Application.Common.Specifications;
using AniPlanner.Application.Common.Wire;
using AniPlanner.Application.Identity.Common;
using AniPlanner.Domain.Identity;
using AutoMapper;
using Mediator;

namespace AniPlanner.Application.Identity.AccessKeys.ListAccessKeys;

/// <summary>A page of the customer's live access keys, newest first (token prefixes only).</summary>
public sealed record ListAccessKeys(Guid CustomerId, string? PageSize, string? PageToken) : IQuery<AccessKeyPageDto>;

public sealed class ListAccessKeysHandler(IRepository<AccessKey> accessKeys, IMapper mapper, WireTimeFormat wireTime) : IQueryHandler<ListAccessKeys, AccessKeyPageDto>
{
    public async ValueTask<AccessKeyPageDto> Handle(ListAccessKeys query, CancellationToken cancellationToken)
    {
        var (page, nextPageToken) = await CreationTimePaging.PageAsync(
            accessKeys,
            wireTime,
            query.PageSize,
            query.PageToken,
            ListScopes.LiveOf<AccessKey>(query.CustomerId),
            cancellationToken);
        return new AccessKeyPageDto { Result = mapper.Map<List<AccessKeyDto>>(page), NextPageToken = nextPageToken };
    }
}
