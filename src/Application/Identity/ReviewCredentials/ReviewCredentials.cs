using AniPlanner.Application.Common.Persistence;
using AniPlanner.Application.Identity.Common;
using AniPlanner.Application.Identity.SeedDemoCompany;
using AniPlanner.Domain.Identity;
using Mediator;

namespace AniPlanner.Application.Identity.ReviewCredentials;

/// <summary>
/// What the start-up log tells an operator about getting in: whether any customer exists, and
/// (where they are refused) whether the database holds the committed development credentials.
/// </summary>
public sealed record ReviewCredentials : IQuery<CredentialsReview>;

public sealed class ReviewCredentialsHandler(
    IRepository<Customer> customers, IRepository<AccessKey> accessKeys, IRepository<User> users, IPasswordHashing passwords, DevelopmentCredentials developmentCredentials)
    : IQueryHandler<ReviewCredentials, CredentialsReview>
{
    public async ValueTask<CredentialsReview> Handle(ReviewCredentials query, CancellationToken cancellationToken)
    {
        var anyLiveCustomer = await customers.AnyAsync(new LiveCustomersSpec(), cancellationToken);
        if (developmentCredentials.Accepted)
        {
            return new CredentialsReview(anyLiveCustomer, null, null);
        }

        var key = await accessKeys.FirstOrDefaultAsync(new AccessKeyByTokenHashSpec(AccessKey.HashToken(DevelopmentCredentials.AccessKeyToken)), cancellationToken);
        var user = await users.FirstOrDefaultAsync(new UserByUsernameSpec(SeedDemoCompanyHandler.DemoUsername), cancellationToken);
        return new CredentialsReview(
            anyLiveCustomer,
            key is { IsDeleted: false } ? new StoredCredential(key.CustomerId, key.Id) : null,
            user is { IsDeleted: false } && passwords.Verify(user.PasswordHash, DevelopmentCredentials.DemoUserPassword)
                ? new StoredCredential(user.CustomerId, user.Id)
                : null);
    }
}
