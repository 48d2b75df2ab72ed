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
