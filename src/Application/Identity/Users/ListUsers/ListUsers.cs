using AniPlanner.Application.Common.Persistence;
using AniPlanner.Application.Common.Specifications;
using AniPlanner.Application.Common.Wire;
using AniPlanner.Application.Identity.Common;
using AniPlanner.Domain.Identity;
using AutoMapper;
using Mediator;

namespace AniPlanner.Application.Identity.Users.ListUsers;

/// <summary>A page of the customer's live users, newest first (admin permission: /v1.0/users).</summary>
public sealed record ListUsers(Guid CustomerId, string? PageSize, string? PageToken) : IQuery<UserPageDto>;

public sealed class ListUsersHandler(IRepository<User> users, IMapper mapper, WireTimeFormat wireTime) : IQueryHandler<ListUsers, UserPageDto>
{
    public async ValueTask<UserPageDto> Handle(ListUsers query, CancellationToken cancellationToken)
    {
        var (page, nextPageToken) = await CreationTimePaging.PageAsync(
            users,
            wireTime,
            query.PageSize,
            query.PageToken,
            ListScopes.LiveOf<User>(query.CustomerId),
            cancellationToken);
        return new UserPageDto { Result = mapper.Map<List<UserDto>>(page), NextPageToken = nextPageToken };
    }
}
