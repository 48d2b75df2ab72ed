using AniPlanner.Infrastructure.Redis;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace AniPlanner.Api.Hosting;

/// <summary>Healthy when Redis answers, or when none is configured (then every count is per instance).</summary>
public sealed class RedisHealthCheck(IOptions<RedisOptions> options, RedisConnection redis) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!options.Value.IsConfigured)
        {
            return HealthCheckResult.Healthy("Redis not configured: limits are counted per instance.");
        }

        try
        {
            await (await redis.DatabaseAsync()).PingAsync();
            redis.Succeeded();
            return HealthCheckResult.Healthy("Redis reachable.");
        }
        catch (Exception outage) when (RedisConnection.IsOutage(outage))
        {
            redis.Failed(outage);
            return HealthCheckResult.Unhealthy("Redis unreachable: logins are refused until it is back.", outage);
        }
    }
}
