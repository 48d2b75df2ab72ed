using AniPlanner.Application.Common.Persistence;
using AniPlanner.Application.Identity.Common;
using AniPlanner.Domain.Identity;
using Mediator;

namespace AniPlanner.Application.Identity.AuthenticateAccessKey;

/// <summary>
/// Finds the customer a presented token belongs to. Null means the token is unknown, expired,
/// deleted, or its customer is deleted: the caller answers all of these the same way.
/// </summary>
public sealed record AuthenticateAccessKey(string Token) : IQuery<AuthenticatedCustomer?>;

public sealed class AuthenticateAccessKeyHandler(
    IRepository<AccessKey> accessKeys, IRepository<Customer> customers, ICredentialCache cache, DevelopmentCredentials developmentCredentials, TimeProvider clock)
    : IQueryHandler<AuthenticateAccessKey, AuthenticatedCustomer?>
{
    public async ValueTask<AuthenticatedCustomer?> Handle(AuthenticateAccessKey query, CancellationToken cancellationToken)
    {
        if (developmentCredentials.RefusesToken(query.Token))
        {
            return null;
        }

        var tokenHash = AccessKey.HashToken(query.Token);
        var credential = await cache.GetOrLoadAsync($"accesskey:{tokenHash}", async ct =>
        {
            var key = await accessKeys.FirstOrDefaultAsync(new AccessKeyByTokenHashSpec(tokenHash), ct);
            if (key is null || !key.IsUsableAt(clock.GetUtcNow().UtcDateTime))
            {
                return null;
            }

            var customer = await customers.FirstOrDefaultAsync(new LiveCustomerByIdSpec(key.CustomerId), ct);
            return customer is not null ? new CachedCredential(customer.Id, key.Id, key.Permission, key.TmExpire) : null;
        }, cancellationToken);

        // Checked on every use, cached or not: a key stops working at its expire time exactly.
        return credential?.At(clock.GetUtcNow().UtcDateTime);
    }
}
