using AniPlanner.Api.Authentication;
using AniPlanner.Application.Identity.AuditLogs.ListAuditLogs;
using AniPlanner.Application.Identity.Common;
using Mediator;
using Microsoft.AspNetCore.Authorization;

namespace AniPlanner.Api.Identity;

/// <summary>The customer's audit trail. Admin permission only.</summary>
[ApiController]
[Route("v1.0/audit_logs")]
[Authorize(Policy = CallerClaims.AdminPolicy)]
[Produces("application/json")]
public sealed class AuditLogsController(IMediator mediator) : ControllerBase
{
    [HttpGet]
    public async Task<AuditLogPageDto> List(
        [FromQuery(Name = "page_size")] string? pageSize, [FromQuery(Name = "page_token")] string? pageToken, CancellationToken cancellationToken) =>
        await mediator.Send(new ListAuditLogs(CallerClaims.CustomerIdOf(User), pageSize, pageToken), cancellationToken);
}
