using AniPlanner.Domain.Identity;

namespace AniPlanner.Application.Identity.Common;

/// <summary>Who a credential (an access key or a login token) lets act, and with which permission.</summary>
/// <param name="CredentialId">The access key's id, or the user's for a login token.</param>
public sealed record AuthenticatedCustomer(Guid CustomerId, Guid CredentialId, Permission Permission);
