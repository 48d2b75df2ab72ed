using System.Security.Cryptography;
using AniPlanner.Application.Identity.Common;
using AniPlanner.Domain.Identity;
using Microsoft.AspNetCore.Identity;

namespace AniPlanner.Infrastructure.Identity;

/// <summary>ASP.NET Core Identity's PasswordHasher (PBKDF2, salted, versioned).</summary>
public sealed class PasswordHashing : IPasswordHashing
{
    private readonly PasswordHasher<User> _hasher = new();

    /// <summary>
    /// Verified when there is no user: made once (the service resolves this at start-up) with the
    /// same hasher, so it costs what a user's hash costs and no login pays for hashing it.
    /// </summary>
    private readonly string _decoy;

    public PasswordHashing() => _decoy = Hash(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));

    public string Hash(string password) => _hasher.HashPassword(null!, password);

    public bool Verify(string? hash, string password) =>
        _hasher.VerifyHashedPassword(null!, hash ?? _decoy, password) != PasswordVerificationResult.Failed && hash is not null;
}
