using AniPlanner.Api.Authentication;
using AniPlanner.Api.Errors;
using AniPlanner.Application.AniPlanning.ImportDialerRecords;
using AniPlanner.Application.AniPlanning.ImportDials;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace AniPlanner.Api.AniPlanning;

/// <summary>
/// Dials as dialers send them to the best-known ANI-planning platform (outboundIQ's Dials API),
/// so an integration switches by changing its base URL and key. Errors speak the ANI Planner's envelope.
/// </summary>
[ApiController]
[Route("dials")]
[Authorize(Policy = CallerClaims.ManagerPolicy)]
[Produces("application/json")]
[ErrorContract(ErrorContract.AniPlanner)]
public sealed class DialsController(IMediator mediator) : ControllerBase
{
    /// <summary>One dial record, a JSON array of them, or NDJSON, read as a stream (never model-bound).</summary>
    [HttpPost]
    [RequestSizeLimit(AniPlannerController.MaxDialImportBytes)]
    [Consumes(DialBodyReader.Json, DialBodyReader.Ndjson)]
    [AcceptedBodies(DialerBodyReader.WhatToSend)]
    public async Task<DialerImportResult> Import([FromServices] IOptions<DialImportOptions> dialImportLimits, CancellationToken cancellationToken)
    {
        var records = DialerBodyReader.Read(Request, dialImportLimits.Value, cancellationToken)
            ?? throw new BadHttpRequestException(UnsupportedMediaType.For(HttpContext).Message, StatusCodes.Status415UnsupportedMediaType);
        return await mediator.Send(new ImportDialerRecords(CallerClaims.CustomerIdOf(User), records), cancellationToken);
    }
}
