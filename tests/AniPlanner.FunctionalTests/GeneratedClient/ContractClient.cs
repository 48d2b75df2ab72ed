using System.Net.Http.Headers;
using System.Text;
using AniPlanner.Application.Common.Exceptions;
using AniPlanner.FunctionalTests.GeneratedClient.Api;
using AniPlanner.FunctionalTests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace AniPlanner.FunctionalTests.GeneratedClient;

/// <summary>
/// The generated clients over one HttpClient whose handler says who calls (a credential, a client
/// address) and may reshape the next request, to send what the typed client cannot (a malformed
/// id, a body too large, another Content-Type). The answers are read by the generated code.
/// </summary>
public sealed class ContractClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly Caller _caller = new();

    public ContractClient(AniPlannerFactory factory)
    {
        _http = factory.CreateDefaultClient(_caller);
        Outplans = new OutplansClient(_http);
        SchedulePreview = new SchedulePreviewClient(_http);
        AccessKeys = new AccessKeysClient(_http);
        AuditLogs = new AuditLogsClient(_http);
        Auth = new AuthClient(_http);
        Customers = new CustomersClient(_http);
        Me = new MeClient(_http);
        Users = new UsersClient(_http);
        AniPlanner = new AniPlannerClient(_http);
        AniUsage = new AniUsageClient(_http);
        Dials = new DialsClient(_http);
        Dispositions = new DispositionsClient(_http);
    }

    public OutplansClient Outplans { get; }
    public SchedulePreviewClient SchedulePreview { get; }
    public AccessKeysClient AccessKeys { get; }
    public AuditLogsClient AuditLogs { get; }

    public MeClient Me { get; }
    public AuthClient Auth { get; }
    public CustomersClient Customers { get; }
    public UsersClient Users { get; }
    public AniPlannerClient AniPlanner { get; }
    public AniUsageClient AniUsage { get; }
    public DialsClient Dials { get; }
    public DispositionsClient Dispositions { get; }

    /// <summary>The credential sent as a Bearer token; none when null.</summary>
    public string? Token { get => _caller.Token; set => _caller.Token = value; }

    /// <summary>The client address the service sees (see <see cref="AniPlannerFactory.ClientAddressHeader"/>).</summary>
    public string? Address { get => _caller.Address; set => _caller.Address = value; }

    /// <summary>Changes every request until cleared.</summary>
    public Action<HttpRequestMessage>? Reshape { get => _caller.Reshape; set => _caller.Reshape = value; }

    public void Dispose() => _http.Dispose();

    private sealed class Caller : DelegatingHandler
    {
        public string? Token { get; set; }
        public string? Address { get; set; }
        public Action<HttpRequestMessage>? Reshape { get; set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Headers.Authorization = Token is null ? null : new AuthenticationHeaderValue("Bearer", Token);
            if (Address is not null)
            {
                request.Headers.Add(AniPlannerFactory.ClientAddressHeader, Address);
            }

            Reshape?.Invoke(request);
            return base.SendAsync(request, cancellationToken);
        }
    }
}

/// <summary>Ways to make the service answer each documented error status.</summary>
public static class Provoke
{
    /// <summary>A request header the test service reads to fail the way its name says (see <see cref="FailureInjectingFactory"/>).</summary>
    public const string FailureHeader = "X-Test-Failure";

    /// <summary>Bad input the typed client cannot send: a body that is not JSON, a page size that is not a number, a malformed id.</summary>
    public static void BadInput(HttpRequestMessage request)
    {
        if (request.Content is not null)
        {
            request.Content = new StringContent("{", Encoding.UTF8, "application/json");
            return;
        }

        var uri = request.RequestUri!.OriginalString;
        if (uri.Contains("/dispositions/", StringComparison.Ordinal))
        {
            // A disposition id no disposition can have: it is a path segment of letters, digits, '.', '_' and '-'.
            request.RequestUri = new Uri(uri[..(uri.LastIndexOf('/') + 1)] + "bad%20id%21", UriKind.RelativeOrAbsolute);
            return;
        }

        request.RequestUri = new Uri(
            uri.Contains("page_size=", StringComparison.Ordinal) || uri.Contains("country=", StringComparison.Ordinal) || uri.Contains("page=", StringComparison.Ordinal)
                ? uri.Replace("page_size=", "page_size=abc&x=", StringComparison.Ordinal).Replace("country=", "country=zz&x=", StringComparison.Ordinal).Replace("page=", "page=0&x=", StringComparison.Ordinal)
                : System.Text.RegularExpressions.Regex.Replace(uri, "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "not-an-id"),
            UriKind.RelativeOrAbsolute);
    }

    /// <summary>A body over every endpoint's limit (and, for the streamed dial import, a record over its row limit).</summary>
    public static void TooLarge(HttpRequestMessage request) =>
        request.Content = new StringContent($$"""[{"callId":"{{new string('x', 5 * 1024 * 1024)}}"}]""", Encoding.UTF8, "application/json");

    public static void WrongContentType(HttpRequestMessage request) =>
        request.Content = new StringContent("name=x", Encoding.UTF8, "text/plain");

    public static Action<HttpRequestMessage> Failure(int status) => request => request.Headers.Add(FailureHeader, status.ToString(System.Globalization.CultureInfo.InvariantCulture));
}

/// <summary>
/// The service, with an action filter that throws what a failing handler would when a request
/// asks for it: an unexpected exception (500), a lost race (409) or a busy database (503), answered by the real
/// exception handler. The address throttle trips at the first failed authentication, so 429 is
/// reachable from any address a test chooses.
/// </summary>
public sealed class FailureInjectingFactory(TestDatabase database)
    : AniPlannerFactory(database, new Dictionary<string, string?> { ["Auth:Throttling:FailuresPerAddress"] = "1" })
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.Configure<MvcOptions>(mvc => mvc.Filters.Add(new InjectedFailure())));
    }

    private sealed class InjectedFailure : IActionFilter
    {
        public void OnActionExecuting(ActionExecutingContext context)
        {
            switch (context.HttpContext.Request.Headers[Provoke.FailureHeader].ToString())
            {
                case "500":
                    throw new InvalidOperationException("An injected failure.");
                case "503":
                    throw new DatabaseBusyException("An injected busy database.");
                case "409":
                    throw new WriteConflictException("An injected lost race.", new InvalidOperationException("the other writer"));
            }
        }

        public void OnActionExecuted(ActionExecutedContext context)
        {
        }
    }
}
