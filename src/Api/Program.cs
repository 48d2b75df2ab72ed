using AniPlanner.Api.Errors;
using AniPlanner.Api.Hosting;
using AniPlanner.Application;
using AniPlanner.Infrastructure;
using AniPlanner.Infrastructure.Identity;

var builder = WebApplication.CreateBuilder(args);

builder.Services
    .AddTokenSafeLogging()
    .AddApplication(builder.Configuration["AutoMapper:LicenseKey"])
    .AddInfrastructure()
    .AddApi();

// In Production a login-token signing key must be configured; elsewhere one is generated.
builder.Services.PostConfigure<AuthOptions>(auth => auth.RequireSigningKey = builder.Environment.IsProduction());

var app = builder.Build();

app.UseMiddleware<RequestIdMiddleware>();
app.UseMiddleware<RequestLoggingMiddleware>();
app.UseExceptionHandler();
app.UseStatusCodePages(StatusCodeErrors.WriteAsync);
app.UseCors();
app.UseAuthentication();
app.UseRateLimiter();
app.UseRequestBodyLimits();
app.UseAuthorization();
app.MapControllers();
app.MapHealthChecks("/health");

await StartupTasks.RunAsync(app.Services, app.Lifetime.ApplicationStopping);
await app.RunAsync();

/// <summary>The entry point, visible to the functional tests' WebApplicationFactory.</summary>
public partial class Program;
