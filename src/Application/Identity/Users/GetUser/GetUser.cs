using AniPlanner.Application.Common.Persistence;
using AniPlanner.Application.Common.Specifications;
using AniPlanner.Application.Identity.Common;
using AniPlanner.Domain.Identity;
using AutoMapper;
using Mediator;

namespace AniPlanner.Application.Identity.Users.GetUser;

/// <summary>One user (a deleted one too, with <c>tm_delete</c> set).</summary>
public sealed record GetUser(Guid CustomerId, Guid Id) : IQuery<UserDto>;

public sealed class GetUserHandler(IRepository<User> users, IMapper mapper) : IQueryHandler<GetUser, UserDto>
{
    public async ValueTask<UserDto> Handle(GetUser query, CancellationToken cancellationToken) =>
        mapper.Map<UserDto>(await users.FirstOrDefaultAsync(new ResourceToReadByIdSpec<User>(query.CustomerId, query.Id), cancellationToken)
            ?? throw IdentityErrors.UserNotFound(query.Id));
}
