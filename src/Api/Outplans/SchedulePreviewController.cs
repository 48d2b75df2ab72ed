using AniPlanner.Api.Authentication;
using AniPlanner.Application.Outplans.Common;
using AniPlanner.Application.Outplans.PreviewStrategySchedule;
using Mediator;
using Microsoft.AspNetCore.Authorization;

namespace AniPlanner.Api.Outplans;

/// <summary>A dial schedule for a strategy given inline, to try it before saving it as an outplan.</summary>
[ApiController]
[Route("v1.0/schedule_preview")]
[Authorize(Policy = CallerClaims.ManagerPolicy)]
[Produces("application/json")]
public sealed class SchedulePreviewController(IMediator mediator) : ControllerBase
{
    /// <summary>Every attempt the strategy would make at a target's destinations if no call were answered.</summary>
    [HttpPost]
    public async Task<SchedulePreviewDto> Preview([FromBody] StrategyPreviewFields body, CancellationToken cancellationToken) =>
        await mediator.Send(new PreviewStrategySchedule(body), cancellationToken);
}
