using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace AniPlanner.Infrastructure.Redis;

/// <summary>
/// The <c>Redis</c> configuration section. With <c>Redis:Configuration</c> set, login throttling
/// and the per-customer request rate are counted in that Redis, shared by every instance; unset,
/// each instance counts in its own memory.
/// </summary>
public sealed class RedisOptions
{
    public const string Section = "Redis";

    /// <summary>A StackExchange.Redis configuration string, e.g. <c>redis.internal:6379,password=...</c>.</summary>
    public string? Configuration { get; set; }

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Configuration);

    /// <summary>
    /// The parsed configuration, made to start and serve while Redis is down: no failed start for
    /// an unreachable server, and commands fail at once while disconnected instead of queueing,
    /// so each caller decides (fail open or closed) without waiting out a timeout.
    /// </summary>
    public ConfigurationOptions ToConnectionOptions()
    {
        var connection = ConfigurationOptions.Parse(Configuration!);
        connection.AbortOnConnectFail = false;
        connection.BacklogPolicy = BacklogPolicy.FailFast;
        return connection;
    }
}

/// <summary>A configuration string that cannot be parsed, or names no server, stops start-up naming the setting.</summary>
public sealed class RedisOptionsValidation : IValidateOptions<RedisOptions>
{
    public ValidateOptionsResult Validate(string? name, RedisOptions options)
    {
        if (!options.IsConfigured)
        {
            return options.Configuration is null
                ? ValidateOptionsResult.Success
                : ValidateOptionsResult.Fail($"{RedisOptions.Section}:Configuration is empty: remove it (counts stay per instance) or name a Redis server, e.g. redis.internal:6379.");
        }

        try
        {
            return options.ToConnectionOptions().EndPoints.Count > 0
                ? ValidateOptionsResult.Success
                : ValidateOptionsResult.Fail($"{RedisOptions.Section}:Configuration names no Redis server: start it with host:port, e.g. redis.internal:6379,password=....");
        }
        catch (Exception invalid) when (invalid is ArgumentException or FormatException or NotSupportedException)
        {
            return ValidateOptionsResult.Fail(
                $"{RedisOptions.Section}:Configuration is not a valid StackExchange.Redis configuration string ({invalid.Message}); e.g. redis.internal:6379,password=....");
        }
    }
}
