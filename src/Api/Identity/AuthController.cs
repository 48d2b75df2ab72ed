using System.Text.Json.Serialization;
using AniPlanner.Application.Identity.Common;
using AniPlanner.Application.Identity.Login;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using DomainUser = AniPlanner.Domain.Identity.User;

namespace AniPlanner.Api.Identity;

/// <summary>Users sign in here for a token that works wherever an access key does.</summary>
[ApiController]
[Route("auth")]
[AllowAnonymous]
[Produces("application/json")]
public sealed class AuthController(IMediator mediator, LoginThrottle throttle) : ControllerBase
{
    [HttpPost("login")]
    public async Task<LoginResult> Login([FromBody] LoginRequest body, CancellationToken cancellationToken)
    {
        var ip = HttpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        var username = DomainUser.NormalizeUsername(body.Username ?? "");
        if (throttle.RetryAfter(ip, username) is { } wait)
        {
            throw new TooManyRequestsException(wait, $"Too many failed logins; try again in {Math.Ceiling(wait.TotalSeconds)} seconds.");
        }

        try
        {
            var result = await mediator.Send(new Login(body.Username, body.Password), cancellationToken);
            throttle.Succeeded(username);
            return result;
        }
        catch (UnauthenticatedException)
        {
            throttle.Failed(ip, username);
            throw;
        }
    }
}

public sealed class LoginRequest
{
    [JsonPropertyName("username")] public string? Username { get; init; }
    [JsonPropertyName("password")] public string? Password { get; init; }
}
