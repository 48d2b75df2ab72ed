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

internal static class UserErrors
{
    public static NotFoundException NotFound(Guid id) => new("USER_NOT_FOUND", $"User {id} was not found (or has been deleted, for updates).");
}
