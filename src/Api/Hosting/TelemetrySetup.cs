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
/// OTEL_EXPORTER_OTLP_ENDPOINT is set; otherwise not collected at all: a span and its tags built
/// for every request only to be dropped were a few per cent of the hot path's CPU. (The service's
/// own sources and meters still answer any in-process listener.)
/// </summary>
public static class TelemetrySetup
{
    public static IServiceCollection AddTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        if (string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            return services;
        }

        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("aniplanner"))
            .WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation(aspNet => aspNet.Filter = context => !context.Request.Path.StartsWithSegments("/health"))
                .AddSource(AniPlannerTelemetry.Name, CommandTracingInterceptor.SourceName))
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddMeter(AniPlannerTelemetry.Name, "Microsoft.EntityFrameworkCore"))
            .UseOtlpExporter();
        return services;
    }
}
