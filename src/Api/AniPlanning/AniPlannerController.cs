using AniPlanner.Api.Authentication;
using AniPlanner.Api.Errors;
using AniPlanner.Application.AniPlanning.AniInventory.ListAnis;
using AniPlanner.Application.AniPlanning.AniInventory.UpsertAnis;
using AniPlanner.Application.AniPlanning.Campaigns.ListCampaigns;
using AniPlanner.Application.AniPlanning.Campaigns.UpsertCampaign;
using AniPlanner.Application.AniPlanning.Common;
using AniPlanner.Application.AniPlanning.GeneratePlan;
using AniPlanner.Application.AniPlanning.ImportDials;
using AniPlanner.Application.AniPlanning.Regions.ListRegions;
using AniPlanner.Application.AniPlanning.Settings.GetPlannerSettings;
using AniPlanner.Application.AniPlanning.Settings.UpdatePlannerSettings;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Options;

namespace AniPlanner.Api.AniPlanning;

/// <summary>
/// The ANI Planner: the plan itself and the data it is made from. Thin: HTTP in, one message,
/// HTTP out. Any customer credential may plan and read; changing data needs manager or admin.
/// </summary>
[ApiController]
[Route("ani-planner")]
[Authorize(Policy = CallerClaims.PlannerPolicy)]
[Produces("application/json")]
[ErrorContract(ErrorContract.AniPlanner)]
public sealed class AniPlannerController(IMediator mediator) : ControllerBase
{
    /// <summary>Bulk dial imports stream; this caps one request, not memory.</summary>
    public const long MaxDialImportBytes = 2L * 1024 * 1024 * 1024;

    /// <summary>Room for the 10,000 ANIs one request may carry.</summary>
    public const long MaxAniUploadBytes = 4 * 1024 * 1024;

    private Guid CustomerId => CallerClaims.CustomerIdOf(User);

    [HttpPost("generate")]
    public async Task<AniPlannerResponse<PlanDto>> Generate(
        [FromBody(EmptyBodyBehavior = EmptyBodyBehavior.Allow)] GeneratePlanRequest? body, CancellationToken cancellationToken)
    {
        body ??= new GeneratePlanRequest();
        return AniPlannerResponse.Of(await mediator.Send(
            new GeneratePlan(CustomerId, body.DateStart, body.DateEnd, body.DailyDialsTarget, body.GroupBy, body.InventoryMode, body.Campaigns, body.CampaignsExclude),
            cancellationToken));
    }

    [HttpGet("campaigns")]
    public async Task<AniPlannerResponse<IReadOnlyList<CampaignDto>>> ListCampaigns(CancellationToken cancellationToken) =>
        AniPlannerResponse.Of(await mediator.Send(new ListCampaigns(CustomerId), cancellationToken));

    [HttpPut("campaigns/{internalIdentifier}")]
    [Authorize(Policy = CallerClaims.ManagerPolicy)]
    public async Task<AniPlannerResponse<CampaignDto>> UpsertCampaign(
        string internalIdentifier, [FromBody] UpsertCampaignRequest body, CancellationToken cancellationToken) =>
        AniPlannerResponse.Of(await mediator.Send(
            new UpsertCampaign(CustomerId, internalIdentifier, body.Name, body.CampaignType, body.InboundCampaigns), cancellationToken));

    [HttpPost("anis")]
    [Authorize(Policy = CallerClaims.ManagerPolicy)]
    [RequestSizeLimit(MaxAniUploadBytes)]
    public async Task<AniPlannerResponse<UpsertAnisResult>> UpsertAnis([FromBody] List<AniInput?> body, CancellationToken cancellationToken) =>
        AniPlannerResponse.Of(await mediator.Send(new UpsertAnis(CustomerId, body), cancellationToken));

    [HttpGet("anis")]
    public async Task<AniPlannerResponse<AniPageDto>> ListAnis(
        [FromQuery] int? page, [FromQuery] int? pageSize, CancellationToken cancellationToken) =>
        AniPlannerResponse.Of(await mediator.Send(new ListAnis(CustomerId, page, pageSize), cancellationToken));

    /// <summary>Dial records as a JSON array, NDJSON or CSV, read as a stream (never model-bound).</summary>
    [HttpPost("dials")]
    [Authorize(Policy = CallerClaims.ManagerPolicy)]
    [RequestSizeLimit(MaxDialImportBytes)]
    [Consumes(DialBodyReader.Json, DialBodyReader.Ndjson, DialBodyReader.Csv)]
    [AcceptedBodies(DialBodyReader.WhatToSend)]
    public async Task<AniPlannerResponse<DialImportResult>> ImportDials(
        [FromServices] IOptions<DialImportOptions> dialImportLimits, CancellationToken cancellationToken)
    {
        // No Content-Type, or one [Consumes] lets through but the reader has no format for
        // (application/problem+json is a kind of JSON to MVC): the 415 that lists what is read.
        var rows = DialBodyReader.Read(Request, dialImportLimits.Value, cancellationToken)
            ?? throw new BadHttpRequestException(UnsupportedMediaType.For(HttpContext).Message, StatusCodes.Status415UnsupportedMediaType);
        return AniPlannerResponse.Of(await mediator.Send(new ImportDials(CustomerId, rows), cancellationToken));
    }

    [HttpGet("regions")]
    public async Task<AniPlannerResponse<IReadOnlyList<RegionDto>>> ListRegions([FromQuery] string? country, CancellationToken cancellationToken) =>
        AniPlannerResponse.Of(await mediator.Send(new ListRegions(country ?? "us"), cancellationToken));

    [HttpGet("settings")]
    public async Task<AniPlannerResponse<PlannerSettingsDto>> GetSettings(CancellationToken cancellationToken) =>
        AniPlannerResponse.Of(await mediator.Send(new GetPlannerSettings(CustomerId), cancellationToken));

    [HttpPut("settings")]
    [Authorize(Policy = CallerClaims.ManagerPolicy)]
    public async Task<AniPlannerResponse<PlannerSettingsDto>> UpdateSettings([FromBody] PlannerSettingsRequest body, CancellationToken cancellationToken) =>
        AniPlannerResponse.Of(await mediator.Send(new UpdatePlannerSettings(CustomerId, body.Country, body.TimeZone, body.NumberRegion), cancellationToken));
}
