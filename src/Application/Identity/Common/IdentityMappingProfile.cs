using AniPlanner.Application.Common.Wire;
using AniPlanner.Domain.Identity;
using AutoMapper;

namespace AniPlanner.Application.Identity.Common;

public sealed class IdentityMappingProfile : Profile
{
    public IdentityMappingProfile()
    {
        CreateMap<Customer, CustomerDto>()
            .ForMember(dto => dto.TmCreate, member => member.MapFrom(customer => VoipbinTime.ToWire(customer.TmCreate)))
            .ForMember(dto => dto.TmUpdate, member => member.MapFrom(customer => VoipbinTime.ToWire(customer.TmUpdate)))
            .ForMember(dto => dto.TmDelete, member => member.MapFrom(customer => VoipbinTime.ToWire(customer.TmDelete)));
        CreateMap<Customer, CreatedCustomerDto>()
            .IncludeBase<Customer, CustomerDto>()
            .ForMember(dto => dto.AccessKey, member => member.Ignore());
        CreateMap<AccessKey, AccessKeyDto>()
            .ForMember(dto => dto.Token, member => member.Ignore())
            .ForMember(dto => dto.TmExpire, member => member.MapFrom(key => VoipbinTime.ToWire(key.TmExpire)))
            .ForMember(dto => dto.TmCreate, member => member.MapFrom(key => VoipbinTime.ToWire(key.TmCreate)))
            .ForMember(dto => dto.TmUpdate, member => member.MapFrom(key => VoipbinTime.ToWire(key.TmUpdate)))
            .ForMember(dto => dto.TmDelete, member => member.MapFrom(key => VoipbinTime.ToWire(key.TmDelete)));
    }
}
