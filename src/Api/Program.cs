using AniPlanner.Api.Dashboard;
using AniPlanner.Api.Errors;
using AniPlanner.Api.Hosting;
using AniPlanner.Application;
using AniPlanner.Infrastructure;
using AniPlanner.Infrastructure.Identity;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Scalar.AspNetCore;

InvalidSettings.ExitWithMessageWhenUnhandled();
// The content root is where the service is installed, not wherever it was started from: its
// appsettings.json (log levels, defaults) is found even when `dotnet /opt/x/AniPlanner.Api.dll` runs elsewhere.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });

builder.Services
    .AddTokenSafeLogging()
    .AddApplication(builder.Configuration["AutoMapper:LicenseKey"])
    .AddInfrastructure()
    .AddApi()
    .AddTelemetry(builder.Configuration);

// Production logs are JSON lines, each with the request id of its request (a logging scope).
if (builder.Environment.IsProduction())
{
    builder.Logging.ClearProviders();
    builder.Logging.AddJsonConsole(json =>
    {
        json.IncludeScopes = true;
        json.UseUtcTimestamp = true;
        json.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
    });
}

// On SIGTERM in-flight requests (a dial import too) get this long to finish; what does not
// finish is rolled back with its transaction, never half-written.
builder.Services.Configure<HostOptions>(host =>
    host.ShutdownTimeout = TimeSpan.FromSeconds(builder.Configuration.GetValue("Hosting:ShutdownTimeoutSeconds", 30)));

// In Production a login-token signing key must be configured; elsewhere one is generated.
builder.Services.PostConfigure<AuthOptions>(auth => auth.RequireSigningKey = builder.Environment.IsProduction());

var app = builder.Build();

app.UseMiddleware<RequestIdMiddleware>();
app.UseSecurityHeaders();
app.UseMiddleware<RequestLoggingMiddleware>();
app.UseExceptionHandler();
app.UseMiddleware<ShutdownDeadlineMiddleware>();
app.UseDashboard(app.Environment);
app.UseStatusCodePages(StatusCodeErrors.WriteAsync);
app.UseCors();
app.UseAuthentication();
app.UseRateLimiter();
app.UseRequestBodyLimits();
app.UseAuthorization();
app.UseUtf8RequestBodies();
app.MapControllers();
app.MapHealthChecks("/health");
app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(ApiServices.ReadyTag) });
app.MapOpenApi();
// Everything the docs page loads comes from this service: a nonce for its inline script (see
// SecurityHeaders), the browser's own fonts instead of Scalar's CDN, no telemetry calls, and no
// buttons that hand the document to Scalar's services (the AI agent, MCP, the developer toolbar's
// share/deploy/SDK generation, the client app).
app.MapScalarApiReference(SecurityHeaders.DocsPath, scalar => scalar
    .WithTitle("AniPlanner API")
    .WithNonce()
    .DisableDefaultFonts()
    .DisableTelemetry()
    .DisableAgent()
    .DisableMcp()
    .HideDeveloperTools()
    .HideClientButton());

// A browser opening the service lands on the dashboard; an API client gets a JSON index.
app.MapServiceRoot();

await StartupTasks.RunAsync(app.Services, app.Lifetime.ApplicationStopping);
await app.RunAsync();

/// <summary>The entry point, visible to the functional tests' WebApplicationFactory.</summary>
public partial class Program;
