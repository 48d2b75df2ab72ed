using AniPlanner.Application.Common.Telemetry;
using AniPlanner.Infrastructure.Persistence;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace AniPlanner.Api.Hosting;

/// <summary>
/// OpenTelemetry traces and metrics: ASP.NET Core, the database, and the service's own (dials
/// ingested, plans generated and their duration). Exported over OTLP when
/// OTEL_EXPORTER_OTLP_ENDPOINT is set; silent otherwise.
/// </summary>
public static class TelemetrySetup
{
    public static IServiceCollection AddTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("aniplanner"))
            .WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation(aspNet => aspNet.Filter = context => !context.Request.Path.StartsWithSegments("/health"))
                .AddSource(AniPlannerTelemetry.Name, CommandTracingInterceptor.SourceName))
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddMeter(AniPlannerTelemetry.Name, "Microsoft.EntityFrameworkCore"));
        if (!string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            telemetry.UseOtlpExporter();
        }

        return services;
    }
}
