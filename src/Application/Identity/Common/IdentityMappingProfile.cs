using AniPlanner.Application.Common.Wire;
using AniPlanner.Domain.Common;
using AniPlanner.Domain.Identity;
using AutoMapper;

namespace AniPlanner.Application.Identity.Common;

public sealed class IdentityMappingProfile : Profile
{
    public IdentityMappingProfile()
    {
        CreateMap<Customer, CustomerDto>();
        CreateMap<Customer, CreatedCustomerDto>()
            .IncludeBase<Customer, CustomerDto>()
            .ForMember(dto => dto.AccessKey, member => member.Ignore());

        // The token is never stored, so it cannot be mapped: only the issuing handler sets it.
        CreateMap<AccessKey, AccessKeyDto>()
            .ForMember(dto => dto.Token, member => member.Ignore())
            .ForMember(dto => dto.Permission, member => member.MapFrom(key => key.Permission.ToWire()))
            .ForMember(dto => dto.TokenPrefix, member => member.MapFrom(key => key.TokenHint));

        CreateMap<User, UserDto>().ForMember(dto => dto.Permission, member => member.MapFrom(user => user.Permission.ToWire()));
        CreateMap<AuditLog, AuditLogDto>();
    }
}
