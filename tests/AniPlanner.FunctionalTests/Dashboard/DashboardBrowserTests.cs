using AniPlanner.FunctionalTests.Infrastructure;

namespace AniPlanner.FunctionalTests.Dashboard;

/// <summary>
/// The dashboard in a real browser, against the artefact users run: the published build, started
/// as the image starts it but in Development, so that a fresh SQLite database gets the demo
/// company as <c>dotnet run</c> gives it. tests/dashboard-e2e/dashboard.e2e.mjs drives Debian's
/// chromium with playwright-core and compares what the page shows (table, totals, CSV, copied
/// JSON, a 400 at its field) with what the API answers for the same request. Its screenshots are
/// kept in TestResults/dashboard and attached to the test.
/// </summary>
[NonParallelizable]
public sealed class DashboardBrowserTests
{
    [Test]
    public async Task The_dashboard_shows_the_plans_the_API_answers_in_a_real_browser()
    {
        var chromium = BrowserTools.ChromiumOrSkip();
        await BrowserTools.InstallPackagesAsync();
        await using var database = new SqliteTestDatabase();
        await using var service = await PublishedService.StartAsync(new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["ConnectionStrings__AniPlanner"] = database.ConnectionString,
            ["Admin__ApiKey"] = PublishedService.AdminKey,
        });
        await service.WaitUntilReadyAsync();
        var screenshots = Path.Combine(RepositoryPaths.Root, "TestResults", "dashboard");

        var (exitCode, output) = await BrowserTools.RunScriptAsync("dashboard.e2e.mjs", new Dictionary<string, string>
        {
            ["ANIPLANNER_URL"] = service.Http.BaseAddress!.ToString(),
            ["ANIPLANNER_PLATFORM_KEY"] = PublishedService.AdminKey,
            ["ANIPLANNER_SCREENSHOTS"] = screenshots,
            ["CHROMIUM"] = chromium,
        }, TimeSpan.FromMinutes(5));

        foreach (var screenshot in Directory.Exists(screenshots) ? Directory.GetFiles(screenshots, "*.png") : [])
        {
            TestContext.AddTestAttachment(screenshot);
        }

        Assert.That(exitCode, Is.Zero, $"the browser scenario failed:\n{output}\nThe service printed:\n{string.Join("\n", service.Output.TakeLast(40))}");
    }
}
