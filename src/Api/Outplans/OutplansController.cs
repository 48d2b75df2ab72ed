using AniPlanner.Api.Authentication;
using AniPlanner.Api.Common;
using AniPlanner.Application.Common.Exceptions;
using AniPlanner.Application.Outplans.Common;
using AniPlanner.Application.Outplans.CreateOutplan;
using AniPlanner.Application.Outplans.DeleteOutplan;
using AniPlanner.Application.Outplans.GetCallingWindow;
using AniPlanner.Application.Outplans.GetOutplan;
using AniPlanner.Application.Outplans.ListOutplans;
using AniPlanner.Application.Outplans.PreviewOutplanSchedule;
using AniPlanner.Application.Outplans.SetCallingWindow;
using AniPlanner.Application.Outplans.UpdateDialInfo;
using AniPlanner.Application.Outplans.UpdateOutplan;
using Mediator;
using Microsoft.AspNetCore.Authorization;

namespace AniPlanner.Api.Outplans;

/// <summary>VoIPBIN's outplan API: HTTP in, one command or query, HTTP out.</summary>
[ApiController]
[Route("v1.0/outplans")]
[Authorize(Policy = CallerClaims.ManagerPolicy)]
[Produces("application/json")]
public sealed class OutplansController(IMediator mediator) : ControllerBase
{
    private Guid CustomerId => CallerClaims.CustomerIdOf(User);

    [HttpGet]
    public async Task<OutplanPageDto> List(
        [FromQuery(Name = "page_size")] string? pageSize, [FromQuery(Name = "page_token")] string? pageToken, CancellationToken cancellationToken) =>
        await mediator.Send(new ListOutplans(CustomerId, pageSize, pageToken), cancellationToken);

    [HttpPost]
    public async Task<OutplanDto> Create([FromBody] CreateOutplanRequest body, CancellationToken cancellationToken) =>
        await mediator.Send(new CreateOutplan(CustomerId, body.Name, body.Detail, body), cancellationToken);

    [HttpGet("{id}")]
    public async Task<OutplanDto> Get(string id, CancellationToken cancellationToken) =>
        await mediator.Send(new GetOutplan(CustomerId, OutplanId(id)), cancellationToken);

    [HttpPut("{id}")]
    public async Task<OutplanDto> Update(string id, [FromBody] NameAndDetailRequest body, CancellationToken cancellationToken) =>
        await mediator.Send(new UpdateOutplan(CustomerId, OutplanId(id), body.Name, body.Detail), cancellationToken);

    [HttpPut("{id}/dial_info")]
    public async Task<OutplanDto> UpdateDialInfo(string id, [FromBody] DialInfoFields body, CancellationToken cancellationToken) =>
        await mediator.Send(new UpdateDialInfo(CustomerId, OutplanId(id), body), cancellationToken);

    /// <summary>When the outplan may start calls; one never set answers any day and hour, quiet hours on.</summary>
    [HttpGet("{id}/calling_window")]
    public async Task<CallingWindowDto> GetCallingWindow(string id, CancellationToken cancellationToken) =>
        await mediator.Send(new GetCallingWindow(CustomerId, OutplanId(id)), cancellationToken);

    /// <summary>Replaces the calling window; the outplan's own fields stay as they are, its tm_update moves.</summary>
    [HttpPut("{id}/calling_window")]
    public async Task<CallingWindowDto> SetCallingWindow(string id, [FromBody] CallingWindowFields body, CancellationToken cancellationToken) =>
        await mediator.Send(new SetCallingWindow(CustomerId, OutplanId(id), body), cancellationToken);

    /// <summary>Every attempt the outplan would make at a target's destinations if no call were answered.</summary>
    [HttpPost("{id}/schedule_preview")]
    public async Task<SchedulePreviewDto> PreviewSchedule(string id, [FromBody] SchedulePreviewFields body, CancellationToken cancellationToken) =>
        await mediator.Send(new PreviewOutplanSchedule(CustomerId, OutplanId(id), body), cancellationToken);

    [HttpDelete("{id}")]
    public async Task<OutplanDto> Delete(string id, CancellationToken cancellationToken) =>
        await mediator.Send(new DeleteOutplan(CustomerId, OutplanId(id)), cancellationToken);

    private static Guid OutplanId(string id) => InvalidIdException.Parse(id, "outplan");
}
