using AniPlanner.Application.Common.Wire;
using FluentValidation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AniPlanner.Application;

public static class DependencyInjection
{
    /// <summary>
    /// Validators, mapping (with the wire's time format, bound to configuration by the host) and the clock. Mediator itself is registered by the composition root,
    /// where its source generator runs.
    /// </summary>
    public static IServiceCollection AddApplication(this IServiceCollection services, string? autoMapperLicenseKey)
    {
        services.AddValidatorsFromAssembly(ApplicationAssembly.Reference, ServiceLifetime.Singleton);
        services.AddAutoMapper(mapper =>
        {
            // AutoMapper 15+ is dual-licensed (RPL-1.5 or commercial): the key comes from configuration
            // (AutoMapper:LicenseKey); without one it still maps and logs a licence notice.
            mapper.LicenseKey = autoMapperLicenseKey;

            // Every module's profile (one each, in <Module>/Common) and the wire's time format.
            mapper.AddMaps(typeof(DependencyInjection).Assembly);
        });
        services.AddOptions<WireOptions>();
        services.AddSingleton(provider => new WireTimeFormat(provider.GetRequiredService<IOptions<WireOptions>>().Value.Style));
        services.AddSingleton<WireTimeConverter>();
        services.AddSingleton(TimeProvider.System);
        return services;
    }
}
