using System.Security.Cryptography;
using System.Text;
using AniPlanner.Domain.Common;

namespace AniPlanner.Domain.Identity;

/// <summary>
/// A long-lived credential of one customer. Only the SHA-256 of its token is kept: the token
/// itself is shown once, when the key is issued, and cannot be recovered afterwards.
/// </summary>
public sealed class AccessKey : CustomerOwnedResource, IAuditedResource
{
    /// <summary>Every token starts with this, so a leaked one is recognisable in a scan.</summary>
    public const string TokenPrefix = "anip_";

    private AccessKey()
    {
    }

    public string Name { get; private set; } = "";
    public string Detail { get; private set; } = "";
    public string TokenHash { get; private set; } = "";

    /// <summary>The first characters of the token, enough for a person to tell keys apart.</summary>
    public string TokenHint { get; private set; } = "";

    public Permission Permission { get; private set; }

    public DateTime? TmExpire { get; private set; }

    /// <summary>Issues a key with a fresh random token; the caller must hand the token out now.</summary>
    public static (AccessKey Key, string Token) Issue(
        Guid customerId, string name, string detail, Permission permission, DateTime now, DateTime? expires = null)
    {
        var token = TokenPrefix + Base64Url(RandomNumberGenerator.GetBytes(32));
        return (FromToken(customerId, name, detail, permission, token, now, expires), token);
    }

    /// <summary>Registers a key whose token was chosen elsewhere (the configured demo key).</summary>
    public static AccessKey FromToken(
        Guid customerId, string name, string detail, Permission permission, string token, DateTime now, DateTime? expires = null)
    {
        if (string.IsNullOrWhiteSpace(token))
        {
            throw new DomainException("An access key needs a token.");
        }

        return new AccessKey
        {
            Id = Guid.NewGuid(),
            CustomerId = customerId,
            Name = name,
            Detail = detail,
            Permission = permission,
            TokenHash = HashToken(token),
            TokenHint = HintOf(token),
            TmExpire = expires,
            TmCreate = now,
        };
    }

    /// <summary>
    /// What lists may show of a token: the prefix and 4 of an issued token's 43 random characters;
    /// of a configured token of another shape, 4 characters when it is long enough to spare them, else nothing.
    /// </summary>
    private static string HintOf(string token) =>
        token.StartsWith(TokenPrefix, StringComparison.Ordinal) && token.Length > TokenPrefix.Length + 4 ? token[..(TokenPrefix.Length + 4)]
        : token.Length >= 20 ? token[..4]
        : "";

    public bool IsUsableAt(DateTime now) => TmDelete is null && (TmExpire is null || TmExpire > now);

    public void UpdateBasicInfo(string name, string detail, DateTime now)
    {
        EnsureLive("access key");
        Name = name;
        Detail = detail;
        Changed(now);
    }

    /// <summary>Deleting a key (<see cref="SoftDeletableResource.Delete"/>) revokes it at once.</summary>
    public AuditedAs AuditedAs() => new(CustomerId, "accesskey", Id.ToString());

    /// <summary>
    /// Tokens carry 256 random bits, so a fast hash is enough: nothing can be brute-forced
    /// back from it, and it lets a request find its key by an indexed lookup.
    /// </summary>
    public static string HashToken(string token) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
