using System.Text.Json.Serialization;
using AniPlanner.Application.Common.Persistence;
using AniPlanner.Application.Common.Specifications;
using AniPlanner.Application.Common.Wire;
using AniPlanner.Domain.Common;
using AniPlanner.Domain.Identity;
using AutoMapper;
using FluentValidation;
using Mediator;

namespace AniPlanner.Application.Identity.AuditLogs;

/// <summary>A page of the customer's audit trail, newest first (admin permission).</summary>
public sealed record ListAuditLogs(Guid CustomerId, string? PageSize, string? PageToken) : IQuery<AuditLogPageDto>;

public sealed class AuditLogDto
{
    [JsonPropertyName("id")] public Guid Id { get; init; }
    [JsonPropertyName("customer_id")] public Guid CustomerId { get; init; }
    [JsonPropertyName("actor_type")] public string ActorType { get; init; } = "";
    [JsonPropertyName("actor_id")] public string ActorId { get; init; } = "";
    [JsonPropertyName("action")] public string Action { get; init; } = "";
    [JsonPropertyName("resource_type")] public string ResourceType { get; init; } = "";
    [JsonPropertyName("resource_id")] public string ResourceId { get; init; } = "";
    [JsonPropertyName("tm_create")] public string TmCreate { get; init; } = "";
}

public sealed class AuditLogPageDto
{
    [JsonPropertyName("result")] public IReadOnlyList<AuditLogDto> Result { get; init; } = [];
    [JsonPropertyName("next_page_token")] public string NextPageToken { get; init; } = "";
}

public sealed class AuditLogMappingProfile : Profile
{
    public AuditLogMappingProfile() => CreateMap<AuditLog, AuditLogDto>();
}

public sealed class ListAuditLogsHandler(IRepository<AuditLog> auditLogs, IMapper mapper) : IQueryHandler<ListAuditLogs, AuditLogPageDto>
{
    public async ValueTask<AuditLogPageDto> Handle(ListAuditLogs query, CancellationToken cancellationToken)
    {
        var (page, nextPageToken) = await CreationTimePaging.PageAsync(
            auditLogs,
            query.PageSize,
            query.PageToken,
            log => log.CustomerId == query.CustomerId,
            cancellationToken);
        return new AuditLogPageDto { Result = mapper.Map<List<AuditLogDto>>(page), NextPageToken = nextPageToken };
    }
}

public sealed class ListAuditLogsValidator : AbstractValidator<ListAuditLogs>
{
    public ListAuditLogsValidator() => this.AddPagingRules(query => query.PageSize, query => query.PageToken);
}
