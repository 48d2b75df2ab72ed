using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using AniPlanner.Application.Identity.Common;
using AniPlanner.Domain.Identity;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace AniPlanner.Infrastructure.Identity;

/// <summary>The <c>Auth</c> configuration section.</summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";
    public const int MinSigningKeyBytes = 32;

    /// <summary>HMAC-SHA256 key of login tokens, at least 32 bytes of text.</summary>
    public string? JwtSigningKey { get; set; }

    public int TokenLifetimeDays { get; set; } = 7;

    /// <summary>Set for Production: a missing or short key stops the service instead of a random one.</summary>
    public bool RequireSigningKey { get; set; }
}

/// <summary>
/// Login tokens: HS256 JWTs with <c>sub</c> (the user id), <c>iat</c> and <c>exp</c>. Only
/// signed HS256 tokens of this issuer are accepted (so <c>alg: none</c> is refused).
/// </summary>
public sealed partial class JwtLoginTokens : ILoginTokens
{
    private const string Issuer = "aniplanner";

    private readonly JsonWebTokenHandler _handler = new();
    private readonly SymmetricSecurityKey _key;
    private readonly TimeSpan _lifetime;

    public JwtLoginTokens(IOptions<AuthOptions> options, DevelopmentCredentials developmentCredentials, ILogger<JwtLoginTokens> logger)
    {
        var configured = options.Value.JwtSigningKey;
        if (developmentCredentials.RefusesSigningKey(configured))
        {
            throw new OptionsValidationException(AuthOptions.Section, typeof(AuthOptions), [
                "Auth:JwtSigningKey is the development key committed in appsettings.Development.json: anyone could forge a login with it. " +
                "Set a secret of your own (e.g. Auth__JwtSigningKey=\"$(openssl rand -base64 48)\")."]);
        }

        if (configured is not null && Encoding.UTF8.GetByteCount(configured) >= AuthOptions.MinSigningKeyBytes)
        {
            _key = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(configured));
        }
        else if (options.Value.RequireSigningKey)
        {
            throw new OptionsValidationException(AuthOptions.Section, typeof(AuthOptions), [
                $"Auth:JwtSigningKey must be set to a secret of at least {AuthOptions.MinSigningKeyBytes} bytes in Production " +
                "(e.g. Auth__JwtSigningKey=\"$(openssl rand -base64 48)\")."]);
        }
        else
        {
            // Outside Production a missing key is generated: login tokens then last until restart.
            _key = new SymmetricSecurityKey(RandomNumberGenerator.GetBytes(64));
            LogEphemeralKey(logger);
        }

        _lifetime = TimeSpan.FromDays(options.Value.TokenLifetimeDays);
    }

    public string Issue(User user, DateTime now) => _handler.CreateToken(new SecurityTokenDescriptor
    {
        Issuer = Issuer,
        Audience = Issuer,
        Subject = new ClaimsIdentity([new Claim(JwtRegisteredClaimNames.Sub, user.Id.ToString())]),
        IssuedAt = now,
        NotBefore = now,
        Expires = now + _lifetime,
        SigningCredentials = new SigningCredentials(_key, SecurityAlgorithms.HmacSha256),
    });

    public async Task<Guid?> ValidateAsync(string token)
    {
        var result = await _handler.ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = Issuer,
            ValidAudience = Issuer,
            IssuerSigningKey = _key,
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
            RequireSignedTokens = true,
            RequireExpirationTime = true,
            ClockSkew = TimeSpan.FromSeconds(30),
        });
        return result.IsValid && Guid.TryParse(result.ClaimsIdentity.FindFirst(JwtRegisteredClaimNames.Sub)?.Value
            ?? result.ClaimsIdentity.FindFirst(ClaimTypes.NameIdentifier)?.Value, out var userId)
            ? userId
            : null;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Auth:JwtSigningKey is not set: using a random key; login tokens will not survive a restart")]
    private static partial void LogEphemeralKey(ILogger logger);
}
