using AniPlanner.Application.Common.Wire;
using AniPlanner.Application.Identity.AuditLogs;
using AniPlanner.Application.Identity.Common;
using AniPlanner.Application.Identity.Users;
using AniPlanner.Application.Outplans;
using FluentValidation;
using Microsoft.Extensions.DependencyInjection;

namespace AniPlanner.Application;

public static class DependencyInjection
{
    /// <summary>
    /// Validators, mapping and the clock. Mediator itself is registered by the composition root,
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
            mapper.AddProfile<WireMappingProfile>();
            mapper.AddProfile<OutplanMappingProfile>();
            mapper.AddProfile<IdentityMappingProfile>();
            mapper.AddProfile<UserMappingProfile>();
            mapper.AddProfile<AuditLogMappingProfile>();
        });
        services.AddSingleton(TimeProvider.System);
        return services;
    }
}
