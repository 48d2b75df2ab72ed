using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using AniPlanner.Api.Errors;
using AniPlanner.Application.Common.Exceptions;
using AniPlanner.Application.Common.Wire;
using AniPlanner.Application.Identity.AuthenticateAccessKey;
using AniPlanner.Application.Identity.AuthenticateUser;
using AniPlanner.Application.Identity.Common;
using AniPlanner.Domain.Identity;
using Mediator;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace AniPlanner.Api.Authentication;

/// <summary>
/// Reads a credential from <c>?token=</c>, <c>?accesskey=</c> or <c>Authorization: Bearer</c>
/// and turns it into a caller: a customer (by access key) or the platform administrator (by
/// <c>Admin:ApiKey</c>) or a user (by login token). A missing credential and a bad one are told
/// apart in the 401. An address with too many failed authentications is answered 429 before its
/// credential is looked up.
/// </summary>
public sealed class CredentialsAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder,
    IMediator mediator,
    ILoginTokens loginTokens,
    IAuthenticationThrottle throttle,
    IOptions<AdminOptions> admin)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, loggerFactory, encoder)
{
    public const string SchemeName = "Credentials";
    private const string BearerPrefix = "Bearer ";

    private bool _credentialPresented;

    /// <summary>Set when the caller's address may not try a credential now: the challenge is then a 429.</summary>
    private TimeSpan? _retryAfter;

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var token = PresentedToken();
        if (token is null)
        {
            return AuthenticateResult.NoResult();
        }

        _credentialPresented = true;

        // Reserved before any lookup, so unknown or forged credentials stop costing one, and
        // parallel guesses cannot pass the limit.
        await using var attempt = await throttle.BeginCredentialCheckAsync(ClientAddress.Of(Context), Context.RequestAborted);
        if (attempt.RetryAfter is { } wait)
        {
            _retryAfter = wait;
            return AuthenticateResult.Fail("Too many failed authentications from this address.");
        }

        var result = await IdentifyCallerAsync(token);
        await (result.Succeeded ? attempt.SucceededAsync() : attempt.FailedAsync());
        return result;
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        if (_retryAfter is { } wait)
        {
            var seconds = TooManyRequestsException.Seconds(wait);
            return ErrorResponseWriter.WriteAsync(Context, ApiError.TooManyRequests(
                ErrorReasons.TooManyRequests, $"Too many failed authentications from this address; try again in {seconds} seconds.", seconds));
        }

        Response.Headers.WWWAuthenticate = "Bearer";
        return ErrorResponseWriter.WriteAsync(Context, _credentialPresented
            ? ApiError.Unauthenticated(ErrorReasons.InvalidCredentials, "The token is unknown, expired or deleted. Check it, or ask for a new access key.")
            : ApiError.Unauthenticated(
                ErrorReasons.AuthenticationRequired,
                "Authentication required: pass a token as ?token=..., ?accesskey=... or an 'Authorization: Bearer ...' header."));
    }

    private async Task<AuthenticateResult> IdentifyCallerAsync(string token)
    {
        if (IsAdminKey(token))
        {
            return Success(new Claim(CallerClaims.PlatformAdmin, "true"));
        }

        // Issued access keys carry their own prefix and are never login tokens. Anything that is
        // not a valid login token may still be an access key: a configured one (Seed:DemoApiKey)
        // can have any shape, so it is looked up by its hash like the others.
        var userId = token.StartsWith(AccessKey.TokenPrefix, StringComparison.Ordinal) ? null : await loginTokens.ValidateAsync(token);
        var caller = userId is { } user
            ? await mediator.Send(new AuthenticateUser(user), Context.RequestAborted)
            : await mediator.Send(new AuthenticateAccessKey(token), Context.RequestAborted);
        return caller is null
            ? AuthenticateResult.Fail("Unknown, expired or deleted credential.")
            : Success(
                new Claim(CallerClaims.CustomerId, caller.CustomerId.ToString()),
                new Claim(userId is null ? CallerClaims.AccessKeyId : CallerClaims.UserId, caller.CredentialId.ToString()),
                new Claim(CallerClaims.Permission, caller.Permission.ToWire()));
    }

    private string? PresentedToken()
    {
        foreach (var name in (string[])["token", "accesskey"])
        {
            var value = Request.Query[name].ToString();
            if (!string.IsNullOrWhiteSpace(value))
            {
                return value.Trim();
            }
        }

        var authorization = Request.Headers.Authorization.ToString();
        return authorization.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase) && authorization.Length > BearerPrefix.Length
            ? authorization[BearerPrefix.Length..].Trim()
            : null;
    }

    /// <summary>Hashes compared in fixed time: neither the key's length nor a shared prefix shows in how long it takes.</summary>
    private bool IsAdminKey(string token) =>
        admin.Value.ApiKeySha256 is { } keyHash
        && CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(token)), keyHash);

    private AuthenticateResult Success(params Claim[] claims) =>
        AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName)), SchemeName));
}
