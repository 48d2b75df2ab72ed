using AniPlanner.Application.Common.Specifications;
using AniPlanner.Domain.Identity;

namespace AniPlanner.Application.Identity.Common;

public sealed class AccessKeyByTokenHashSpec : Specification<AccessKey>
{
    public AccessKeyByTokenHashSpec(string tokenHash) =>
        Query.Where(key => key.TokenHash == tokenHash).AsNoTracking();
}

/// <summary>One customer, deleted or not: get and delete answer deleted ones too.</summary>
public sealed class CustomerByIdSpec : Specification<Customer>
{
    public CustomerByIdSpec(Guid id) => Query.Where(customer => customer.Id == id);
}

/// <summary>
/// One live customer: only these can be updated. The customer is the tenant, not a resource a
/// customer owns, so <see cref="LiveResourceByIdSpec{T}"/> does not fit it.
/// </summary>
public sealed class LiveCustomerByIdSpec : Specification<Customer>
{
    public LiveCustomerByIdSpec(Guid id) => Query.Where(customer => customer.Id == id && customer.TmDelete == null);
}

public sealed class LiveCustomersSpec : Specification<Customer>
{
    public LiveCustomersSpec() => Query.Where(customer => customer.TmDelete == null).AsNoTracking();
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
