using AniPlanner.Application.Common.Wire;
using AniPlanner.Domain.AniPlanning.Regions;
using AniPlanner.Domain.AniPlanning.Settings;
using AutoMapper;

namespace AniPlanner.Application.AniPlanning.Common;

/// <summary>
/// The planner's object-to-object maps, its enums spelled as the wire spells them. The other
/// DTOs are built by hand, because each needs more than its one domain object and a profile
/// should reach neither services nor other rows: a campaign names its inbound campaigns, which
/// are other rows (<see cref="CampaignDto.From"/>); an ANI shows its area and plan row, which
/// come from the phone geography service (<see cref="AniDto.From"/>); a region is a group of
/// that service's areas, not one object.
/// </summary>
public sealed class AniPlanningMappingProfile : Profile
{
    public AniPlanningMappingProfile()
    {
        CreateMap<PlannerCountry, string>().ConvertUsing(country => country.ToWire());
        CreateMap<PlannerSettings, PlannerSettingsDto>().ForMember(dto => dto.Effective, member => member.Ignore());
    }
}
