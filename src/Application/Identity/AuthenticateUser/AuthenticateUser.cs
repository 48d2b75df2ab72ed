using AniPlanner.Application.Common.Persistence;
using AniPlanner.Application.Identity.Common;
using AniPlanner.Domain.Identity;
using Mediator;

namespace AniPlanner.Application.Identity.AuthenticateUser;

/// <summary>Checks that a login token's user still exists and may act; null otherwise.</summary>
public sealed record AuthenticateUser(Guid UserId) : IQuery<AuthenticatedCustomer?>;

public sealed class AuthenticateUserHandler(IRepository<User> users, IRepository<Customer> customers, ICredentialCache cache, TimeProvider clock)
    : IQueryHandler<AuthenticateUser, AuthenticatedCustomer?>
{
    public async ValueTask<AuthenticatedCustomer?> Handle(AuthenticateUser query, CancellationToken cancellationToken)
    {
        var credential = await cache.GetOrLoadAsync($"user:{query.UserId}", async ct =>
        {
            var user = await users.FirstOrDefaultAsync(new AnyUserByIdSpec(query.UserId), ct);
            if (user is null || user.IsDeleted)
            {
                return null;
            }

            var customer = await customers.FirstOrDefaultAsync(new LiveCustomerByIdSpec(user.CustomerId), ct);

            // The user's current permission applies, not the one at login (a change invalidates this).
            return customer is not null ? new CachedCredential(customer.Id, user.Id, user.Permission, ExpiresAt: null) : null;
        }, cancellationToken);
        return credential?.At(clock.GetUtcNow().UtcDateTime);
    }
}
