using AniPlanner.Application.Common.Persistence;
using AniPlanner.Application.Common.Wire;
using AniPlanner.Application.Identity.Common;
using AniPlanner.Domain.Common;
using AutoMapper;
using Mediator;

namespace AniPlanner.Application.Identity.AuditLogs.ListAuditLogs;

/// <summary>A page of the customer's audit trail, newest first (admin permission).</summary>
public sealed record ListAuditLogs(Guid CustomerId, string? PageSize, string? PageToken) : IQuery<AuditLogPageDto>;

public sealed class ListAuditLogsHandler(IRepository<AuditLog> auditLogs, IMapper mapper, WireTimeFormat wireTime) : IQueryHandler<ListAuditLogs, AuditLogPageDto>
{
    public async ValueTask<AuditLogPageDto> Handle(ListAuditLogs query, CancellationToken cancellationToken)
    {
        var (page, nextPageToken) = await CreationTimePaging.PageAsync(
            auditLogs,
            wireTime,
            query.PageSize,
            query.PageToken,
            log => log.CustomerId == query.CustomerId,
            cancellationToken);
        return new AuditLogPageDto { Result = mapper.Map<List<AuditLogDto>>(page), NextPageToken = nextPageToken };
    }
}
