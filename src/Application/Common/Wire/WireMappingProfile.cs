using AutoMapper;

namespace AniPlanner.Application.Common.Wire;

/// <summary>Every stored time becomes VoIPBIN's timestamp text, unset ones the 9999 sentinel.</summary>
public sealed class WireMappingProfile : Profile
{
    public WireMappingProfile()
    {
        CreateMap<DateTime, string>().ConvertUsing(time => VoipbinTime.ToWire(time));
        CreateMap<DateTime?, string>().ConvertUsing(time => VoipbinTime.ToWire(time));
    }
}
