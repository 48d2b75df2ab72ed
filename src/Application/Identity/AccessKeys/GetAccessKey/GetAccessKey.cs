using AniPlanner.Application.Common.Persistence;
using AniPlanner.Application.Common.Specifications;
using AniPlanner.Application.Identity.Common;
using AniPlanner.Domain.Identity;
using AutoMapper;
using Mediator;

namespace AniPlanner.Application.Identity.AccessKeys.GetAccessKey;

/// <summary>One access key (a deleted one too, with <c>tm_delete</c> set).</summary>
public sealed record GetAccessKey(Guid CustomerId, Guid Id) : IQuery<AccessKeyDto>;

public sealed class GetAccessKeyHandler(IRepository<AccessKey> accessKeys, IMapper mapper) : IQueryHandler<GetAccessKey, AccessKeyDto>
{
    public async ValueTask<AccessKeyDto> Handle(GetAccessKey query, CancellationToken cancellationToken) =>
        mapper.Map<AccessKeyDto>(await accessKeys.FirstOrDefaultAsync(new ResourceToReadByIdSpec<AccessKey>(query.CustomerId, query.Id), cancellationToken)
            ?? throw IdentityErrors.AccessKeyNotFound(query.Id));
}
