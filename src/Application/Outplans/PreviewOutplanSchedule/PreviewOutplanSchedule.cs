using AniPlanner.Application.Common.Persistence;
using AniPlanner.Application.Common.Specifications;
using AniPlanner.Application.Outplans.Common;
using AniPlanner.Domain.Outplans;
using Mediator;

namespace AniPlanner.Application.Outplans.PreviewOutplanSchedule;

/// <summary>When a saved outplan would dial a target's destinations if no call were answered; nothing is stored.</summary>
public sealed record PreviewOutplanSchedule(Guid CustomerId, Guid Id, SchedulePreviewFields Preview) : IQuery<SchedulePreviewDto>;

public sealed class PreviewOutplanScheduleHandler(IRepository<Outplan> outplans, TimeProvider clock)
    : IQueryHandler<PreviewOutplanSchedule, SchedulePreviewDto>
{
    public async ValueTask<SchedulePreviewDto> Handle(PreviewOutplanSchedule query, CancellationToken cancellationToken)
    {
        var outplan = await outplans.FirstOrDefaultAsync(new ResourceToReadByIdSpec<Outplan>(query.CustomerId, query.Id), cancellationToken)
            ?? throw OutplanErrors.NotFound(query.Id);
        return SchedulePreviews.Preview(outplan.DialInfo(), outplan.CallingWindow, query.Preview, clock);
    }
}
