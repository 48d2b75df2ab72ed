using AniPlanner.Domain.Identity;

namespace AniPlanner.Application.Identity.Common;

/// <summary>Password hashing (ASP.NET Core Identity's PasswordHasher behind it).</summary>
public interface IPasswordHashing
{
    string Hash(string password);

    /// <summary>
    /// Whether the password is the one hashed. Without a hash (no such user) a decoy hash of the
    /// same cost is verified and the answer is false, so that failure takes as long as a wrong password.
    /// </summary>
    bool Verify(string? hash, string password);
}

/// <summary>Signed login tokens (JWT) for users.</summary>
public interface ILoginTokens
{
    string Issue(User user, DateTime now);

    /// <summary>The user id a valid, unexpired token was issued for; null for anything else.</summary>
    Task<Guid?> ValidateAsync(string token);
}

