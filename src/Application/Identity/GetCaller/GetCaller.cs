using AniPlanner.Application.Common.Exceptions;
using AniPlanner.Application.Common.Persistence;
using AniPlanner.Application.Common.Specifications;
using AniPlanner.Application.Common.Wire;
using AniPlanner.Application.Identity.Common;
using AniPlanner.Domain.Identity;
using Mediator;

namespace AniPlanner.Application.Identity.GetCaller;

/// <summary>The kinds of credential a caller can hold, as <c>credential_type</c> spells them.</summary>
public enum CredentialType
{
    AccessKey,
    User,

    /// <summary>The platform administrator's key (<c>Admin:ApiKey</c>).</summary>
    Platform,
}

/// <summary>
/// Who the authenticated caller is: its customer, its credential and that credential's
/// permission. <see cref="CustomerId"/> and <see cref="CredentialId"/> are null for the platform key.
/// </summary>
public sealed record GetCaller(CredentialType CredentialType, Guid? CustomerId, Guid? CredentialId) : IQuery<CallerDto>;

public sealed class GetCallerHandler(
    IRepository<Customer> customers, IRepository<AccessKey> accessKeys, IRepository<User> users, WireTimeFormat wireTime)
    : IQueryHandler<GetCaller, CallerDto>
{
    public async ValueTask<CallerDto> Handle(GetCaller query, CancellationToken cancellationToken)
    {
        if (query.CredentialType == CredentialType.Platform)
        {
            return new CallerDto
            {
                CredentialType = CredentialType.Platform.ToWire(),
                TmCreate = wireTime.Write((DateTime?)null),
                TmUpdate = wireTime.Write((DateTime?)null),
            };
        }

        if (query is not { CustomerId: { } customerId, CredentialId: { } credentialId })
        {
            throw new ArgumentException("A customer's credential names its customer and its own id.", nameof(query));
        }

        // Authentication found both live moments ago; gone now, the credential no longer works.
        var customer = await customers.FirstOrDefaultAsync(new LiveCustomerByIdSpec(customerId), cancellationToken) ?? throw Gone();
        if (query.CredentialType == CredentialType.User)
        {
            var user = await users.FirstOrDefaultAsync(new LiveResourceByIdSpec<User>(customerId, credentialId), cancellationToken) ?? throw Gone();
            return Describe(customer, CredentialType.User, user.Id, user.Username, user.Name, user.Detail, user.Permission, user.TmCreate, user.TmUpdate);
        }

        var key = await accessKeys.FirstOrDefaultAsync(new LiveResourceByIdSpec<AccessKey>(customerId, credentialId), cancellationToken) ?? throw Gone();
        return Describe(customer, CredentialType.AccessKey, key.Id, "", key.Name, key.Detail, key.Permission, key.TmCreate, key.TmUpdate);
    }

    private CallerDto Describe(
        Customer customer, CredentialType type, Guid id, string username, string name, string detail, Permission permission, DateTime created, DateTime? updated) =>
        new()
        {
            Id = id,
            CustomerId = customer.Id,
            CustomerName = customer.Name,
            CredentialType = type.ToWire(),
            Username = username,
            Name = name,
            Detail = detail,
            Permission = permission.ToWire(),
            TmCreate = wireTime.Write(created),
            TmUpdate = wireTime.Write(updated),
        };

    private static UnauthenticatedException Gone() =>
        new(ErrorReasons.InvalidCredentials, "The token is unknown, expired or deleted. Check it, or ask for a new access key.");
}
