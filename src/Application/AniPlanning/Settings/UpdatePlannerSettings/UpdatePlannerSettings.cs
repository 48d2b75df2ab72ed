using AniPlanner.Application.AniPlanning.Common;
using AniPlanner.Application.Common.Persistence;
using AniPlanner.Application.Common.Wire;
using AniPlanner.Domain.AniPlanning.Regions;
using AniPlanner.Domain.AniPlanning.Settings;
using AniPlanner.Domain.Common;
using AutoMapper;
using Mediator;

namespace AniPlanner.Application.AniPlanning.Settings.UpdatePlannerSettings;

/// <summary>Sets (or, with null, clears) the country override of the company's plans.</summary>
public sealed record UpdatePlannerSettings(Guid CustomerId, string? Country) : ICommand<PlannerSettingsDto>;

public sealed class UpdatePlannerSettingsHandler(IRepository<PlannerSettings> settings, IMapper mapper, TimeProvider clock)
    : ICommandHandler<UpdatePlannerSettings, PlannerSettingsDto>
{
    public async ValueTask<PlannerSettingsDto> Handle(UpdatePlannerSettings command, CancellationToken cancellationToken)
    {
        var current = await settings.FirstOrDefaultAsync(new PlannerSettingsOfCustomerSpec(command.CustomerId), cancellationToken);
        if (current is null)
        {
            current = PlannerSettings.For(command.CustomerId);
            settings.Add(current);
        }

        current.SetCountry(WireEnum<PlannerCountry>.TryParse(command.Country, out var country) ? country : null, Timestamps.Now(clock));
        await settings.SaveChangesAsync(cancellationToken);
        return mapper.Map<PlannerSettingsDto>(current);
    }
}
