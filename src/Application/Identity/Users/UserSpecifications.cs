using AniPlanner.Application.Common.Exceptions;
using AniPlanner.Application.Common.Specifications;
using AniPlanner.Domain.Identity;

namespace AniPlanner.Application.Identity.Users;

public sealed class UserByIdSpec : Specification<User>
{
    public UserByIdSpec(Guid customerId, Guid id) => Query.Where(user => user.CustomerId == customerId && user.Id == id);
}

/// <summary>Any customer's user by id: for checking a login token's user.</summary>
public sealed class AnyUserByIdSpec : Specification<User>
{
    public AnyUserByIdSpec(Guid id) => Query.Where(user => user.Id == id).AsNoTracking();
}

public sealed class UserByUsernameSpec : Specification<User>
{
    public UserByUsernameSpec(string normalizedUsername) => Query.Where(user => user.Username == normalizedUsername).AsNoTracking();
}

public sealed class LiveUsersPageSpec : Specification<User>
{
    public LiveUsersPageSpec(Guid customerId, DateTime? createdBefore, int take)
    {
        Query.Where(user => user.CustomerId == customerId && user.TmDelete == null);
        if (createdBefore is { } before)
        {
            Query.Where(user => user.TmCreate < before);
        }

        Query.OrderByDescending(user => user.TmCreate).ThenByDescending(user => user.Id).Take(take).AsNoTracking();
    }
}

public sealed class LiveUsersCreatedAtSpec : Specification<User>
{
    public LiveUsersCreatedAtSpec(Guid customerId, DateTime createdAt) =>
        Query.Where(user => user.CustomerId == customerId && user.TmDelete == null && user.TmCreate == createdAt)
            .OrderByDescending(user => user.Id)
            .AsNoTracking();
}

internal static class UserErrors
{
    public static NotFoundException NotFound(Guid id) => new("USER_NOT_FOUND", $"User {id} was not found (or has been deleted, for updates).");
}
