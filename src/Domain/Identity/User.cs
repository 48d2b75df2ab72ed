using AniPlanner.Domain.Common;

namespace AniPlanner.Domain.Identity;

/// <summary>
/// A person of a customer who signs in to the admin portal. Only a password hash is kept;
/// usernames are unique across the service and compared in lower case.
/// </summary>
public sealed class User : CustomerOwnedResource, IAuditedResource
{
    public const int MinUsernameLength = 3;
    public const int MaxUsernameLength = 64;
    public const int MinPasswordLength = 10;
    public const int MaxPasswordLength = 128;

    private User()
    {
    }

    public string Username { get; private set; } = "";
    public string PasswordHash { get; private set; } = "";
    public Permission Permission { get; private set; }
    public string Name { get; private set; } = "";
    public string Detail { get; private set; } = "";
    public static string NormalizeUsername(string username) => username.Trim().ToLowerInvariant();

    public static User Create(Guid customerId, string username, string passwordHash, Permission permission, string name, string detail, DateTime now) =>
        new()
        {
            Id = Guid.NewGuid(),
            CustomerId = customerId,
            Username = NormalizeUsername(username),
            PasswordHash = passwordHash,
            Permission = permission,
            Name = name,
            Detail = detail,
            TmCreate = now,
        };

    public void UpdateBasicInfo(string name, string detail, Permission permission, DateTime now)
    {
        EnsureLive("user");
        Name = name;
        Detail = detail;
        Permission = permission;
        Changed(now);
    }

    public void SetPasswordHash(string passwordHash, DateTime now)
    {
        EnsureLive("user");
        PasswordHash = passwordHash;
        Changed(now);
    }

    /// <summary>The user's login tokens stop working at once when it is deleted (<see cref="SoftDeletableResource.Delete"/>).</summary>
    public AuditedAs AuditedAs() => new(CustomerId, "user", Id.ToString());
}
