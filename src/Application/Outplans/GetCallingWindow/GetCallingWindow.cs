using AniPlanner.Application.Common.Persistence;
using AniPlanner.Application.Common.Specifications;
using AniPlanner.Application.Outplans.Common;
using AniPlanner.Domain.Outplans;
using Mediator;

namespace AniPlanner.Application.Outplans.GetCallingWindow;

/// <summary>An outplan's calling window; one never set answers the default (any day and hour, quiet hours on).</summary>
public sealed record GetCallingWindow(Guid CustomerId, Guid Id) : IQuery<CallingWindowDto>;

public sealed class GetCallingWindowHandler(IRepository<Outplan> outplans) : IQueryHandler<GetCallingWindow, CallingWindowDto>
{
    public async ValueTask<CallingWindowDto> Handle(GetCallingWindow query, CancellationToken cancellationToken)
    {
        var outplan = await outplans.FirstOrDefaultAsync(new ResourceToReadByIdSpec<Outplan>(query.CustomerId, query.Id), cancellationToken)
            ?? throw OutplanErrors.NotFound(query.Id);
        return CallingWindowWire.ToDto(outplan.CallingWindow);
    }
}
