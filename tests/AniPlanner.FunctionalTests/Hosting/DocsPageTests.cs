using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AniPlanner.FunctionalTests.Infrastructure;

namespace AniPlanner.FunctionalTests.Hosting;

/// <summary>
/// The docs page (Scalar) works from this service alone: its configuration turns off every
/// button that would send the document or the reader to Scalar's services. And a browser
/// opening the service's root lands there.
/// </summary>
public sealed partial class DocsPageTests
{
    [Test]
    public async Task The_docs_page_offers_no_buttons_that_need_outside_services()
    {
        await using var database = new SqliteTestDatabase();
        await using var factory = new AniPlannerFactory(database);
        using var client = factory.CreateClient();

        var page = await client.GetStringAsync("/docs");
        var configuration = Configuration(page);

        Assert.Multiple(() =>
        {
            Assert.That(configuration["agent"]?["disabled"]?.GetValue<bool>(), Is.True, "no AI agent (Ask AI)");
            Assert.That(configuration["mcp"]?["disabled"]?.GetValue<bool>(), Is.True, "no MCP integration");
            Assert.That(configuration["showDeveloperTools"]?.GetValue<string>(), Is.EqualTo("never"), "no developer toolbar (share, deploy, SDK generation)");
            Assert.That(configuration["hideClientButton"]?.GetValue<bool>(), Is.True, "no button to open the document in Scalar's client");
            Assert.That(configuration["telemetry"]?.GetValue<bool>(), Is.False, "no telemetry");
            Assert.That(configuration["withDefaultFonts"]?.GetValue<bool>(), Is.False, "no fonts from Scalar's CDN");
            Assert.That(configuration["proxyUrl"], Is.Null, "requests go to this service, not through Scalar's proxy");
        });
    }

    /// <summary>The JSON configuration the page hands to Scalar's script.</summary>
    private static JsonObject Configuration(string page)
    {
        var match = ConfigurationScript().Match(page);
        Assert.That(match.Success, Is.True, $"no configuration found in the docs page: {page}");
        return JsonNode.Parse(match.Groups["json"].Value)!.AsObject();
    }

    // initialize('<base path>', <dynamic base url>, {configuration}, '<javascript configuration>')
    [GeneratedRegex(@"initialize\(\s*'[^']*',\s*(?:true|false),\s*(?<json>\{.*\}),\s*'[^']*'\s*\)", RegexOptions.Singleline)]
    private static partial Regex ConfigurationScript();
}
