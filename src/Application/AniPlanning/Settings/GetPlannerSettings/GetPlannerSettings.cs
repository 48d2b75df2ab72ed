using AniPlanner.Application.AniPlanning.Common;
using AniPlanner.Application.Common.Persistence;
using AniPlanner.Application.Common.Wire;
using AniPlanner.Domain.AniPlanning.Settings;
using Mediator;

namespace AniPlanner.Application.AniPlanning.Settings.GetPlannerSettings;

public sealed record GetPlannerSettings(Guid CustomerId) : IQuery<PlannerSettingsDto>;

public sealed class GetPlannerSettingsHandler(IRepository<PlannerSettings> settings) : IQueryHandler<GetPlannerSettings, PlannerSettingsDto>
{
    public async ValueTask<PlannerSettingsDto> Handle(GetPlannerSettings query, CancellationToken cancellationToken)
    {
        var current = await settings.FirstOrDefaultAsync(new PlannerSettingsOfCustomerSpec(query.CustomerId), cancellationToken);
        return new PlannerSettingsDto(current?.Country?.ToWire());
    }
}
