using AniPlanner.Application.Common.Specifications;
using AniPlanner.Domain.Identity;

namespace AniPlanner.Application.Identity.Common;

public sealed class AccessKeyByTokenHashSpec : Specification<AccessKey>
{
    public AccessKeyByTokenHashSpec(string tokenHash) =>
        Query.Where(key => key.TokenHash == tokenHash).AsNoTracking();
}

public sealed class CustomerByIdSpec : Specification<Customer>
{
    public CustomerByIdSpec(Guid id) => Query.Where(customer => customer.Id == id);
}

/// <summary>One access key of one customer, deleted or not.</summary>
public sealed class AccessKeyByIdSpec : Specification<AccessKey>
{
    public AccessKeyByIdSpec(Guid customerId, Guid id) => Query.Where(key => key.CustomerId == customerId && key.Id == id);
}

public sealed class LiveCustomersSpec : Specification<Customer>
{
    public LiveCustomersSpec() => Query.Where(customer => customer.TmDelete == null).AsNoTracking();
}

internal static class IdentityErrors
{
    public static AniPlanner.Application.Common.Exceptions.NotFoundException AccessKeyNotFound(Guid id) =>
        new("ACCESSKEY_NOT_FOUND", $"Access key {id} was not found (or has been deleted, for updates).");

    public static AniPlanner.Application.Common.Exceptions.NotFoundException CustomerNotFound(Guid id) =>
        new("CUSTOMER_NOT_FOUND", $"Customer {id} was not found (or has been deleted, for updates).");
}
