using AniPlanner.Application.AniPlanning.Common;
using AniPlanner.Application.Common.Persistence;
using AniPlanner.Domain.AniPlanning.Settings;
using AutoMapper;
using Mediator;

namespace AniPlanner.Application.AniPlanning.Settings.GetPlannerSettings;

public sealed record GetPlannerSettings(Guid CustomerId) : IQuery<PlannerSettingsDto>;

public sealed class GetPlannerSettingsHandler(IRepository<PlannerSettings> settings, IPlanningQueries queries, IPhoneGeography geography, IMapper mapper)
    : IQueryHandler<GetPlannerSettings, PlannerSettingsDto>
{
    public async ValueTask<PlannerSettingsDto> Handle(GetPlannerSettings query, CancellationToken cancellationToken)
    {
        // A company that never saved its settings has the defaults.
        var (stored, effective) = await new CompanyCountryResolver(settings, queries, geography).ResolveSettingsAsync(query.CustomerId, cancellationToken);
        return PlannerSettingsDto.Of(mapper, stored, effective);
    }
}
