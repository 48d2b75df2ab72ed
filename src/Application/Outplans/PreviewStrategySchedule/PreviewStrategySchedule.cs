using AniPlanner.Application.Outplans.Common;
using AniPlanner.Domain.Outplans;
using Mediator;

namespace AniPlanner.Application.Outplans.PreviewStrategySchedule;

/// <summary>When a strategy not yet saved would dial a target's destinations; nothing is read or stored.</summary>
public sealed record PreviewStrategySchedule(StrategyPreviewFields Strategy) : IQuery<SchedulePreviewDto>;

public sealed class PreviewStrategyScheduleHandler(TimeProvider clock) : IQueryHandler<PreviewStrategySchedule, SchedulePreviewDto>
{
    public ValueTask<SchedulePreviewDto> Handle(PreviewStrategySchedule query, CancellationToken cancellationToken) =>
        ValueTask.FromResult(SchedulePreviews.Preview(
            query.Strategy.ToDialInfo(), query.Strategy.CallingWindow?.ToCallingWindow() ?? CallingWindow.Always, query.Strategy, clock));
}
