using AniPlanner.Application.AniPlanning.Common;
using AniPlanner.Application.Common.Persistence;
using AniPlanner.Application.Common.Time;
using AniPlanner.Application.Common.Wire;
using AniPlanner.Domain.AniPlanning.Regions;
using AniPlanner.Domain.AniPlanning.Settings;
using AniPlanner.Domain.Common;
using AutoMapper;
using Mediator;

namespace AniPlanner.Application.AniPlanning.Settings.UpdatePlannerSettings;

/// <summary>
/// Replaces the company's settings: the country override of its plans, its time zone and its
/// number region. A field left out or null takes its default.
/// </summary>
public sealed record UpdatePlannerSettings(Guid CustomerId, string? Country, string? TimeZone = null, string? NumberRegion = null)
    : ICommand<PlannerSettingsDto>;

public sealed class UpdatePlannerSettingsHandler(
    IRepository<PlannerSettings> settings, IPlanningQueries queries, IPhoneGeography geography, IMapper mapper, TimeProvider clock)
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

        // Stored under its current IANA name (Asia/Calcutta is kept as Asia/Kolkata).
        current.Replace(
            Optional(command.Country),
            command.TimeZone is null ? null : TimeZoneNames.Find(command.TimeZone)!.Id,
            Optional(command.NumberRegion),
            Timestamps.Now(clock));
        await settings.SaveChangesAsync(cancellationToken);

        return PlannerSettingsDto.Of(mapper, current, await new CompanyCountryResolver(settings, queries, geography).ResolveAsync(current, cancellationToken));
    }

    private static PlannerCountry? Optional(string? wire) => WireEnum<PlannerCountry>.TryParse(wire, out var country) ? country : null;
}
