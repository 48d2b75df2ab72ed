using AniPlanner.Api.Authentication;
using AniPlanner.Api.Common;
using AniPlanner.Application.Common.Exceptions;
using AniPlanner.Application.Outplans.Common;
using AniPlanner.Application.Outplans.CreateOutplan;
using AniPlanner.Application.Outplans.DeleteOutplan;
using AniPlanner.Application.Outplans.GetOutplan;
using AniPlanner.Application.Outplans.ListOutplans;
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

    [HttpDelete("{id}")]
    public async Task<OutplanDto> Delete(string id, CancellationToken cancellationToken) =>
        await mediator.Send(new DeleteOutplan(CustomerId, OutplanId(id)), cancellationToken);

    private static Guid OutplanId(string id) => InvalidIdException.Parse(id, "outplan");
}
