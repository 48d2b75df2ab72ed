using System.Text;
using AniPlanner.Api.Authentication;
using AniPlanner.Api.Errors;
using AniPlanner.Application.AniPlanning.AniUsage.GetAniUsage;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Net.Http.Headers;

namespace AniPlanner.Api.AniPlanning;

/// <summary>
/// The health of every ANI: dials, contacts and busiest days per caller-ID number, read from the
/// per-ANI, per-day rollup. Thin: HTTP in, one query, JSON (the ANI Planner envelope) or CSV out.
/// </summary>
[ApiController]
[Route("ani-planner")]
[Authorize(Policy = CallerClaims.PlannerPolicy)]
[Produces("application/json", AniUsageCsv.ContentType)]
[ErrorContract(ErrorContract.AniPlanner)]
public sealed class AniUsageController(IMediator mediator) : ControllerBase
{
    private Guid CustomerId => CallerClaims.CustomerIdOf(User);

    /// <summary>
    /// A page of ANIs, busiest day first; with <c>Accept: text/csv</c> the same rows as CSV (every
    /// row of the range unless page or pageSize is given).
    /// </summary>
    [HttpGet("anis/usage")]
    public async Task<ActionResult<AniPlannerResponse<AniUsagePageDto>>> GetUsage(
        [FromQuery] string? dateStart,
        [FromQuery] string? dateEnd,
        [FromQuery] string? dailyDialsTarget,
        [FromQuery] int? page,
        [FromQuery] int? pageSize,
        CancellationToken cancellationToken)
    {
        // The answer depends on Accept: a cache must not hand CSV to a JSON client.
        Response.Headers.Vary = HeaderNames.Accept;
        var csv = AsksForCsv(Request);
        var usage = await mediator.Send(
            new GetAniUsage(CustomerId, dateStart, dateEnd, dailyDialsTarget, page, pageSize, EveryRow: csv), cancellationToken);
        return csv ? new CsvRows(usage) : AniPlannerResponse.Of(usage);
    }

    /// <summary>CSV when Accept names text/csv, and ranks it above application/json if it names that too.</summary>
    private static bool AsksForCsv(HttpRequest request)
    {
        if (!MediaTypeHeaderValue.TryParseList(request.Headers.Accept, out var accepted))
        {
            return false;
        }

        double QualityOf(string mediaType) => accepted
            .Where(media => media.MediaType.Equals(mediaType, StringComparison.OrdinalIgnoreCase))
            .Select(media => media.Quality ?? 1)
            .DefaultIfEmpty(-1)
            .Max();

        var csv = QualityOf(AniUsageCsv.ContentType);
        return csv > 0 && csv > QualityOf("application/json");
    }

    /// <summary>The rows written to the response as they are formatted, never gathered into one text.</summary>
    private sealed class CsvRows(AniUsagePageDto usage) : ActionResult
    {
        private static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

        public override async Task ExecuteResultAsync(ActionContext context)
        {
            var response = context.HttpContext.Response;
            response.ContentType = $"{AniUsageCsv.ContentType}; charset=utf-8";
            response.Headers.ContentDisposition = $"attachment; filename=\"ani-usage-{usage.DateStart}-to-{usage.DateEnd}.csv\"";
            var cancellationToken = context.HttpContext.RequestAborted;
            await using var writer = new StreamWriter(response.Body, Utf8, bufferSize: 16 * 1024, leaveOpen: true);
            await writer.WriteAsync(AniUsageCsv.Header.AsMemory(), cancellationToken);
            foreach (var row in usage.Items)
            {
                await writer.WriteAsync(AniUsageCsv.Line(row).AsMemory(), cancellationToken);
            }

            await writer.FlushAsync(cancellationToken);
        }
    }
}
