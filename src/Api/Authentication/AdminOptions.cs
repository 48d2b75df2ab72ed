using System.Security.Cryptography;
using System.Text;

namespace AniPlanner.Api.Authentication;

/// <summary>The <c>Admin</c> configuration section: the platform administrator's key.</summary>
public sealed class AdminOptions
{
    public const string Section = "Admin";

    /// <summary>The key manages every customer, so it must be too long to guess.</summary>
    public const int MinApiKeyLength = 32;

    public static readonly string TooShortMessage =
        $"Admin:ApiKey is set but shorter than {MinApiKeyLength} characters. It manages every customer, so it must be long and random: " +
        "make one with `openssl rand -base64 48` (e.g. Admin__ApiKey=\"$(openssl rand -base64 48)\"), or leave it empty to disable platform administration.";

    /// <summary>
    /// Empty: platform administration is disabled (its endpoints answer 403). Trimmed like a
    /// presented token, so a secret file's trailing newline does not make the key unusable.
    /// </summary>
    public string? ApiKey
    {
        get;
        set
        {
            field = value?.Trim();
            ApiKeySha256 = string.IsNullOrEmpty(field) ? null : SHA256.HashData(Encoding.UTF8.GetBytes(field));
        }
    }

    /// <summary>
    /// SHA-256 of <see cref="ApiKey"/>, kept so a presented token is compared to it in fixed time
    /// without hashing the key again on every authenticated request.
    /// </summary>
    public byte[]? ApiKeySha256 { get; private set; }

    public bool IsEnabled => !string.IsNullOrEmpty(ApiKey);

    public bool IsValid => !IsEnabled || ApiKey!.Length >= MinApiKeyLength;
}
