namespace AniPlanner.Application.Identity.Common;

/// <summary>
/// The demo credentials committed in <c>appsettings.Development.json</c>. Anyone can read them,
/// so outside the Development environment they open nothing, whatever the database holds (a
/// database created in Development and then run in Production still has them).
/// </summary>
public sealed class DevelopmentCredentials(bool accepted)
{
    /// <summary>The demo company's access key (<c>Seed:DemoApiKey</c> in Development).</summary>
    public const string AccessKeyToken = "anip_demo_2f6c1e0b7a9d4c38";

    /// <summary>The demo user's password (<c>Seed:DemoPassword</c> in Development).</summary>
    public const string DemoUserPassword = "demo-admin-password";

    /// <summary>The login-token signing key (<c>Auth:JwtSigningKey</c> in Development): with it anyone could forge a login.</summary>
    public const string JwtSigningKey = "development-only-signing-key-never-use-in-production-0123456789";

    /// <summary>True in the Development environment only.</summary>
    public bool Accepted => accepted;

    public bool RefusesToken(string token) => !accepted && token == AccessKeyToken;

    public bool RefusesPassword(string password) => !accepted && password == DemoUserPassword;

    public bool RefusesSigningKey(string? signingKey) => !accepted && signingKey == JwtSigningKey;
}
