using System.Threading.RateLimiting;
using AniPlanner.Api.Authentication;
using AniPlanner.Api.Errors;
using AniPlanner.Application.Common.Exceptions;
using AniPlanner.Infrastructure.Redis;
using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Options;

namespace AniPlanner.Api.Hosting;

/// <summary>
/// What keeps one caller from hurting the others: a request rate per customer, body size limits
/// per endpoint, and the browser origins (the admin portal) allowed to call at all.
/// </summary>
public static class ServiceProtection
{
    public const long DefaultMaxBodyBytes = 1024 * 1024;

    public static IServiceCollection AddServiceProtection(this IServiceCollection services)
    {
        services.AddRateLimiter(limiter =>
        {
            // One fixed window per customer (and one for the platform key), in Redis when
            // Redis:Configuration is set so every instance shares it; anonymous calls
            // (health, login) are not counted here: failed logins and credentials are throttled
            // per address and username by IAuthenticationThrottle.
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            {
                var caller = context.User.FindFirst(CallerClaims.CustomerId)?.Value
                    ?? (context.User.HasClaim(CallerClaims.PlatformAdmin, "true") ? "platform-admin" : null);
                if (caller is null)
                {
                    return RateLimitPartition.GetNoLimiter("anonymous");
                }

                // The caller's window is built once, on its first request (the factory runs then,
                // inside that request): the settings are read there, not on every request.
                var services = context.RequestServices;
                return RateLimitPartition.Get(caller, _ =>
                {
                    var perMinute = services.GetRequiredService<IConfiguration>().GetValue("RateLimiting:RequestsPerMinute", 1200);
                    var local = new CallerRequestWindow(perMinute, TimeSpan.FromMinutes(1), services.GetRequiredService<TimeProvider>());
                    return services.GetRequiredService<IOptions<RedisOptions>>().Value.IsConfigured
                        ? new SharedCallerRequestWindow(services.GetRequiredService<RedisConnection>(), caller, perMinute, TimeSpan.FromMinutes(1), local)
                        : local;
                });
            });
            limiter.OnRejected = (rejected, _) =>
            {
                // The seconds until this caller's window ends, rounded up: retrying then succeeds.
                var wait = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromMinutes(1);
                var seconds = TooManyRequestsException.Seconds(wait);
                return new ValueTask(ErrorResponseWriter.WriteAsync(rejected.HttpContext, ApiError.TooManyRequests(
                    ErrorReasons.RateLimited, $"This customer's request rate limit is reached; retry in {seconds} seconds.", seconds)));
            };
        });

        // The admin portal's origins, from configuration; none by default.
        services.AddCors();
        services.AddOptions<CorsOptions>().Configure<IConfiguration>((cors, configuration) =>
            cors.AddDefaultPolicy(policy => policy
                .WithOrigins(configuration.GetSection("Cors:AllowedOrigins").Get<string[]>() ?? [])
                .AllowAnyHeader()
                .AllowAnyMethod()
                .WithExposedHeaders(RequestIdMiddleware.HeaderName, "Retry-After")));
        return services;
    }

    /// <summary>
    /// Caps each request body: the endpoint's <c>[RequestSizeLimit]</c>, else
    /// <c>Limits:MaxRequestBodyBytes</c> (1 MiB). A declared length over it is refused before
    /// reading; a streamed body is cut off where it crosses it. Both answer 413. The default is
    /// read once, when the pipeline is built: this runs on every request.
    /// </summary>
    public static IApplicationBuilder UseRequestBodyLimits(this IApplicationBuilder app)
    {
        var defaultLimit = app.ApplicationServices.GetRequiredService<IConfiguration>().GetValue("Limits:MaxRequestBodyBytes", DefaultMaxBodyBytes);
        return app.Use(async (context, next) =>
        {
            var limit = context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize ?? defaultLimit;
            if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } server)
            {
                server.MaxRequestBodySize = limit;
            }

            if (context.Request.ContentLength > limit)
            {
                await ErrorResponseWriter.WriteAsync(context, TooLarge(limit));
                return;
            }

            // A request that cannot have a body (a GET without Content-Length or chunking) has nothing to count.
            if (context.Features.Get<IHttpRequestBodyDetectionFeature>() is not { CanHaveBody: false })
            {
                context.Request.Body = new LimitedStream(context.Request.Body, limit);
            }

            await next(context);
        });
    }

    private static ApiError TooLarge(long limit) => ApiError.PayloadTooLarge($"The request body is larger than this endpoint takes ({limit:N0} bytes).");

    /// <summary>Reads through to the body and fails with 413 once more than the limit has come.</summary>
    private sealed class LimitedStream(Stream inner, long limit) : Stream
    {
        private long _read;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _read; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Count(await inner.ReadAsync(buffer, cancellationToken));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        private int Count(int read)
        {
            _read += read;
            return _read > limit
                ? throw new BadHttpRequestException($"The request body is larger than this endpoint takes ({limit:N0} bytes).", StatusCodes.Status413PayloadTooLarge)
                : read;
        }
    }
}
