using AniPlanner.Application.Common.Wire;
using AniPlanner.Application.Outplans.Common;
using AniPlanner.Domain.Outplans;
using AutoMapper;

namespace AniPlanner.Application.Outplans;

public sealed class OutplanMappingProfile : Profile
{
    public OutplanMappingProfile()
    {
        CreateMap<Address, AddressDto>();
        CreateMap<Outplan, OutplanDto>()
            .ForMember(dto => dto.TmCreate, member => member.MapFrom(outplan => VoipbinTime.ToWire(outplan.TmCreate)))
            .ForMember(dto => dto.TmUpdate, member => member.MapFrom(outplan => VoipbinTime.ToWire(outplan.TmUpdate)))
            .ForMember(dto => dto.TmDelete, member => member.MapFrom(outplan => VoipbinTime.ToWire(outplan.TmDelete)));
    }
}
