using AutoMapper;

namespace AniPlanner.Application.Common.Wire;

/// <summary>Every stored time becomes the configured timestamp text (<see cref="WireTimeFormat"/>).</summary>
public sealed class WireMappingProfile : Profile
{
    public WireMappingProfile()
    {
        CreateMap<DateTime, string>().ConvertUsing<WireTimeConverter>();
        CreateMap<DateTime?, string?>().ConvertUsing<WireTimeConverter>();
    }
}

/// <summary>Resolved from the container, so each service instance writes its own configured form.</summary>
public sealed class WireTimeConverter(WireTimeFormat format) : ITypeConverter<DateTime, string>, ITypeConverter<DateTime?, string?>
{
    public string Convert(DateTime source, string destination, ResolutionContext context) => format.Write(source);

    public string? Convert(DateTime? source, string? destination, ResolutionContext context) => format.Write(source);
}
