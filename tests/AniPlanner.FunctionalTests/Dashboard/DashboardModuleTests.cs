namespace AniPlanner.FunctionalTests.Dashboard;

/// <summary>
/// The dashboard's own functions without a browser (tests/dashboard-e2e/modules.test.mjs, run by
/// node): CSV quoting and formula defusing, sorting, search and filtering, and where a 400's
/// message is shown, for inputs the demo data never has.
/// </summary>
public sealed class DashboardModuleTests
{
    [Test]
    public async Task The_dashboards_functions_pass_their_node_tests()
    {
        BrowserTools.NodeOrSkip();

        var (exitCode, output) = await BrowserTools.RunScriptAsync("modules.test.mjs", new Dictionary<string, string>(), TimeSpan.FromMinutes(1));

        Assert.That(exitCode, Is.Zero, output);
        Assert.That(output, Does.Match(@"pass [1-9]").And.Contain("fail 0"), "the tests ran, and none failed:\n" + output);
    }
}
