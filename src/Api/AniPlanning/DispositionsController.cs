using AniPlanner.Api.Authentication;
using AniPlanner.Api.Errors;
using AniPlanner.Application.AniPlanning.Common;
using AniPlanner.Application.AniPlanning.Dispositions.DeleteDisposition;
using AniPlanner.Application.AniPlanning.Dispositions.GetDisposition;
using AniPlanner.Application.AniPlanning.Dispositions.ListDispositions;
using AniPlanner.Application.AniPlanning.Dispositions.PutDisposition;
using Mediator;
using Microsoft.AspNetCore.Authorization;

namespace AniPlanner.Api.AniPlanning;

/// <summary>The call outcomes the company's dialer names, which decide whether a dial reached the prospect.</summary>
[ApiController]
[Route("ani-planner/dispositions")]
[Authorize(Policy = CallerClaims.PlannerPolicy)]
[Produces("application/json")]
[ErrorContract(ErrorContract.AniPlanner)]
public sealed class DispositionsController(IMediator mediator) : ControllerBase
{
    private Guid CustomerId => CallerClaims.CustomerIdOf(User);

    [HttpGet]
    public async Task<AniPlannerResponse<IReadOnlyList<DispositionDto>>> List(CancellationToken cancellationToken) =>
        AniPlannerResponse.Of(await mediator.Send(new ListDispositions(CustomerId), cancellationToken));

    [HttpGet("{dispositionId}")]
    public async Task<AniPlannerResponse<DispositionDto>> Get(string dispositionId, CancellationToken cancellationToken) =>
        AniPlannerResponse.Of(await mediator.Send(new GetDisposition(CustomerId, dispositionId), cancellationToken));

    /// <summary>Creates or replaces the disposition; a change of its contact flag re-counts its dials.</summary>
    [HttpPut("{dispositionId}")]
    [Authorize(Policy = CallerClaims.ManagerPolicy)]
    public async Task<AniPlannerResponse<DispositionDto>> Put(string dispositionId, [FromBody] DispositionRequest body, CancellationToken cancellationToken) =>
        AniPlannerResponse.Of(await mediator.Send(
            new PutDisposition(CustomerId, dispositionId, body.Name, body.Type, body.Contact, body.Success), cancellationToken));

    [HttpDelete("{dispositionId}")]
    [Authorize(Policy = CallerClaims.ManagerPolicy)]
    public async Task<AniPlannerResponse<DispositionDto>> Delete(string dispositionId, CancellationToken cancellationToken) =>
        AniPlannerResponse.Of(await mediator.Send(new DeleteDisposition(CustomerId, dispositionId), cancellationToken));
}
