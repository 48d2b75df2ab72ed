using AniPlanner.Domain.Common;

namespace AniPlanner.Domain.Identity;

/// <summary>
/// A person of a customer who signs in to the admin portal. Only a password hash is kept;
/// usernames are unique across the service and compared in lower case.
/// </summary>
public sealed class User
{
    public const int MinUsernameLength = 3;
    public const int MaxUsernameLength = 64;
    public const int MinPasswordLength = 10;
    public const int MaxPasswordLength = 128;

    private User()
    {
    }

    public Guid Id { get; private set; }
    public Guid CustomerId { get; private set; }
    public string Username { get; private set; } = "";
    public string PasswordHash { get; private set; } = "";
    public Permission Permission { get; private set; }
    public string Name { get; private set; } = "";
    public string Detail { get; private set; } = "";
    public DateTime TmCreate { get; private set; }
    public DateTime? TmUpdate { get; private set; }
    public DateTime? TmDelete { get; private set; }

    /// <summary>
    /// Counts the changes: every change adds one, and a save writes only while the row still has
    /// the version it was read with, so two requests can never both change what one of them read.
    /// </summary>
    public int Version { get; private set; }

    public bool IsDeleted => TmDelete is not null;

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
        EnsureLive();
        Name = name;
        Detail = detail;
        Permission = permission;
        Changed(now);
    }

    public void SetPasswordHash(string passwordHash, DateTime now)
    {
        EnsureLive();
        PasswordHash = passwordHash;
        Changed(now);
    }

    /// <summary>Soft delete: the user's login tokens stop working at once. Deleting again changes nothing.</summary>
    public void Delete(DateTime now)
    {
        if (IsDeleted)
        {
            return;
        }

        TmDelete = now;
        Version++;
    }

    private void Changed(DateTime now)
    {
        TmUpdate = now;
        Version++;
    }

    private void EnsureLive()
    {
        if (IsDeleted)
        {
            throw new DomainException("A deleted user cannot be changed.");
        }
    }
}
