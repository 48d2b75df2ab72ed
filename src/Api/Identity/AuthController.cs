using System.Text.Json.Serialization;
using AniPlanner.Api.Authentication;
using AniPlanner.Application.Identity.Common;
using AniPlanner.Application.Identity.Login;
using Mediator;
using Microsoft.AspNetCore.Authorization;

namespace AniPlanner.Api.Identity;

/// <summary>Users sign in here for a token that works wherever an access key does.</summary>
[ApiController]
[Route("auth")]
[AllowAnonymous]
[Produces("application/json")]
public sealed class AuthController(IMediator mediator) : ControllerBase
{
    [HttpPost("login")]
    [PasswordSignIn]
    public async Task<LoginResult> Login([FromBody] LoginRequest body, CancellationToken cancellationToken) =>
        await mediator.Send(new Login(body.Username, body.Password, ClientAddress.Of(HttpContext)), cancellationToken);
}

public sealed class LoginRequest
{
    [JsonPropertyName("username")] public string? Username { get; init; }
    [JsonPropertyName("password")] public string? Password { get; init; }
}
