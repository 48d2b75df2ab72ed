using System.Collections;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using AniPlanner.Api.Common;

namespace AniPlanner.Api.Hosting;

/// <summary>
/// Gives every request an id, echoed in <c>X-Request-Id</c> and in every error body. A caller's
/// own id is kept when it is short and plain, so one id can follow a call across systems.
/// </summary>
public sealed partial class RequestIdMiddleware(RequestDelegate next, ILogger<RequestIdMiddleware> logger)
{
    public const string HeaderName = "X-Request-Id";

    public async Task InvokeAsync(HttpContext context)
    {
        var offered = context.Request.Headers[HeaderName].ToString();
        var requestId = SafeId().IsMatch(offered) ? offered : NewId();
        context.SetRequestId(requestId);
        context.Response.OnStarting(() =>
        {
            context.Response.Headers[HeaderName] = requestId;
            return Task.CompletedTask;
        });

        // Every log line written for this request carries its id.
        using (logger.BeginScope(new RequestIdScope(requestId)))
        {
            await next(context);
        }
    }

    /// <summary>
    /// 32 hex digits, unique across instances and restarts: this process's random 64 bits, then a
    /// count. (A new GUID per request asked the OS for random bytes each time, on the hot path.)
    /// </summary>
    private static string NewId() =>
        string.Create(32, Interlocked.Increment(ref _issued), static (id, count) =>
        {
            ProcessPrefix.TryFormat(id[..16], out _, "x16", CultureInfo.InvariantCulture);
            count.TryFormat(id[16..], out _, "x16", CultureInfo.InvariantCulture);
        });

    private static readonly ulong ProcessPrefix = BitConverter.ToUInt64(RandomNumberGenerator.GetBytes(sizeof(ulong)));
    private static ulong _issued;

    /// <summary>
    /// The scope's one property, <c>RequestId</c>, as loggers read structured scopes: a list of
    /// name/value pairs (one small object per request instead of a dictionary).
    /// </summary>
    private sealed class RequestIdScope(string requestId) : IReadOnlyList<KeyValuePair<string, object>>
    {
        public int Count => 1;

        public KeyValuePair<string, object> this[int index] =>
            index == 0 ? new("RequestId", requestId) : throw new ArgumentOutOfRangeException(nameof(index));

        public IEnumerator<KeyValuePair<string, object>> GetEnumerator()
        {
            yield return this[0];
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

        public override string ToString() => $"RequestId:{requestId}";
    }

    [GeneratedRegex("^[A-Za-z0-9._-]{1,128}$")]
    private static partial Regex SafeId();
}
