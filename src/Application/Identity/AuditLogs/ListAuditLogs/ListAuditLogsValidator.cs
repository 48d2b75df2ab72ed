using AniPlanner.Application.Common.Wire;
using FluentValidation;

namespace AniPlanner.Application.Identity.AuditLogs.ListAuditLogs;

public sealed class ListAuditLogsValidator : AbstractValidator<ListAuditLogs>
{
    public ListAuditLogsValidator() => this.AddPagingRules(query => query.PageSize, query => query.PageToken);
}
