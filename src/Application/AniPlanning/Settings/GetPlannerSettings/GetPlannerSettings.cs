using AniPlanner.Application.AniPlanning.Common;
using AniPlanner.Application.Common.Persistence;
using AniPlanner.Domain.AniPlanning.Settings;
using AutoMapper;
using Mediator;

namespace AniPlanner.Application.AniPlanning.Settings.GetPlannerSettings;

public sealed record GetPlannerSettings(Guid CustomerId) : IQuery<PlannerSettingsDto>;

public sealed class GetPlannerSettingsHandler(IRepository<PlannerSettings> settings, IMapper mapper) : IQueryHandler<GetPlannerSettings, PlannerSettingsDto>
{
    public async ValueTask<PlannerSettingsDto> Handle(GetPlannerSettings query, CancellationToken cancellationToken)
    {
        var current = await settings.FirstOrDefaultAsync(new PlannerSettingsOfCustomerSpec(query.CustomerId), cancellationToken);

        // A company that never saved its settings has the defaults.
        return mapper.Map<PlannerSettingsDto>(current ?? PlannerSettings.For(query.CustomerId));
    }
}
