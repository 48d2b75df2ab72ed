using System.ComponentModel;
using AniPlanner.Domain.Identity;

namespace AniPlanner.Application.Identity.Common;

/// <summary>
/// Credentials found valid, kept so a request need not look its credential up again. Only valid
/// ones are kept (a just-created key is never refused from here); whatever changes a key, user or
/// customer invalidates it, so the change applies to the next request of this process.
/// </summary>
public interface ICredentialCache
{
    /// <summary>
    /// The cached credential under <paramref name="key"/> (an access key's token hash, never the
    /// token, or a user id), else <paramref name="load"/>'s answer, kept when not null.
    /// </summary>
    ValueTask<CachedCredential?> GetOrLoadAsync(string key, Func<CancellationToken, ValueTask<CachedCredential?>> load, CancellationToken cancellationToken);

    /// <summary>Forgets an access key or a user (by its id).</summary>
    ValueTask InvalidateCredentialAsync(Guid credentialId, CancellationToken cancellationToken);

    /// <summary>Forgets every credential of a customer.</summary>
    ValueTask InvalidateCustomerAsync(Guid customerId, CancellationToken cancellationToken);
}

/// <summary>What authentication needs of a live credential of a live customer.</summary>
/// <param name="ExpiresAt">An access key's expire time, checked on every use; null for none.</param>
[ImmutableObject(true)]
public sealed record CachedCredential(Guid CustomerId, Guid CredentialId, Permission Permission, DateTime? ExpiresAt)
{
    public AuthenticatedCustomer? At(DateTime now) =>
        ExpiresAt is null || ExpiresAt > now ? new AuthenticatedCustomer(CustomerId, CredentialId, Permission) : null;
}
