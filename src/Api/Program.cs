using AniPlanner.Api.Errors;
using AniPlanner.Api.Hosting;
using AniPlanner.Application;
using AniPlanner.Infrastructure;

var builder = WebApplication.CreateBuilder(args);

builder.Services
    .AddTokenSafeLogging()
    .AddApplication(builder.Configuration["AutoMapper:LicenseKey"])
    .AddInfrastructure()
    .AddApi();

var app = builder.Build();

app.UseMiddleware<RequestIdMiddleware>();
app.UseMiddleware<RequestLoggingMiddleware>();
app.UseExceptionHandler();
app.UseStatusCodePages(StatusCodeErrors.WriteAsync);
app.UseAuthentication();
app.UseAuthorization();
app.MapControllers();
app.MapHealthChecks("/health");

await StartupTasks.RunAsync(app.Services, app.Lifetime.ApplicationStopping);
await app.RunAsync();

/// <summary>The entry point, visible to the functional tests' WebApplicationFactory.</summary>
public partial class Program;
