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
    public string? ApiKey { get; set => field = value?.Trim(); }

    public bool IsEnabled => !string.IsNullOrEmpty(ApiKey);

    public bool IsValid => !IsEnabled || ApiKey!.Length >= MinApiKeyLength;
}
