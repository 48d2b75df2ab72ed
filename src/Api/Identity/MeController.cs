using AniPlanner.Api.Authentication;
using AniPlanner.Application.Identity.Common;
using AniPlanner.Application.Identity.GetCaller;
using Mediator;
using Microsoft.AspNetCore.Authorization;

namespace AniPlanner.Api.Identity;

/// <summary>Who is calling: any credential may ask (VoIPBIN's CLI checks its key here at login).</summary>
[ApiController]
[Route("v1.0/me")]
[Authorize]
[Produces("application/json")]
public sealed class MeController(IMediator mediator) : ControllerBase
{
    [HttpGet]
    public async Task<CallerDto> Get(CancellationToken cancellationToken) =>
        await mediator.Send(Caller(), cancellationToken);

    private GetCaller Caller()
    {
        if (User.HasClaim(CallerClaims.PlatformAdmin, "true"))
        {
            return new GetCaller(CredentialType.Platform, null, null);
        }

        var customerId = CallerClaims.CustomerIdOf(User);
        return User.FindFirst(CallerClaims.UserId)?.Value is { } userId
            ? new GetCaller(CredentialType.User, customerId, Guid.Parse(userId))
            : new GetCaller(CredentialType.AccessKey, customerId, Guid.Parse(User.FindFirst(CallerClaims.AccessKeyId)!.Value));
    }
}
