using AniPlanner.Application.Identity.Common;
using AniPlanner.Domain.Identity;
using Microsoft.AspNetCore.Identity;

namespace AniPlanner.Infrastructure.Identity;

/// <summary>ASP.NET Core Identity's PasswordHasher (PBKDF2, salted, versioned).</summary>
public sealed class PasswordHashing : IPasswordHashing
{
    private readonly PasswordHasher<User> _hasher = new();

    public string Hash(string password) => _hasher.HashPassword(null!, password);

    public bool Verify(string hash, string password) => _hasher.VerifyHashedPassword(null!, hash, password) != PasswordVerificationResult.Failed;
}
