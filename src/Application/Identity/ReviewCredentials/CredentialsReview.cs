namespace AniPlanner.Application.Identity.ReviewCredentials;

/// <param name="DevelopmentAccessKey">The live access key whose token is the development one, when refused here.</param>
/// <param name="DevelopmentPasswordUser">The live demo user, when its password is the development one and refused here.</param>
public sealed record CredentialsReview(bool AnyLiveCustomer, StoredCredential? DevelopmentAccessKey, StoredCredential? DevelopmentPasswordUser);

/// <param name="Id">The access key's or the user's id.</param>
public sealed record StoredCredential(Guid CustomerId, Guid Id);
