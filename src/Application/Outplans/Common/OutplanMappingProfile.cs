using AniPlanner.Domain.Outplans;
using AutoMapper;

namespace AniPlanner.Application.Outplans.Common;

public sealed class OutplanMappingProfile : Profile
{
    public OutplanMappingProfile()
    {
        CreateMap<Address, AddressDto>();
        CreateMap<Outplan, OutplanDto>();
    }
}
