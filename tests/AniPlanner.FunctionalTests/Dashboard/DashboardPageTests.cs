using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AniPlanner.Api.Dashboard;
using AniPlanner.Api.Hosting;
using AniPlanner.FunctionalTests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace AniPlanner.FunctionalTests.Dashboard;

/// <summary>
/// The dashboard's files as the service serves them: from the service itself, under a policy that
/// admits this origin only, with no inline script or style and nothing linked from elsewhere; and
/// <c>/</c>, which sends a browser there and answers an API client in JSON.
/// </summary>
public sealed partial class DashboardPageTests
{
    private static readonly string Assets = Path.Combine(RepositoryPaths.Root, "src", "Api", "Dashboard", "wwwroot");

    [Test]
    public async Task The_page_is_served_at_dashboard_under_a_policy_that_admits_this_origin_only()
    {
        await using var database = new SqliteTestDatabase();
        await using var factory = new AniPlannerFactory(database);
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var bare = await client.GetAsync("/dashboard");
        using var page = await client.GetAsync("/dashboard/");

        Assert.That(bare.StatusCode, Is.EqualTo(HttpStatusCode.MovedPermanently), "the page's relative links need the trailing slash");
        Assert.That(bare.Headers.Location?.AbsolutePath, Is.EqualTo("/dashboard/"));
        Assert.That(page.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(page.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/html"));
        Assert.That(await page.Content.ReadAsStringAsync(), Is.EqualTo(await File.ReadAllTextAsync(Path.Combine(Assets, "index.html"))));
        Assert.That(page.Headers.GetValues("Content-Security-Policy").Single(), Is.EqualTo(SecurityHeaders.DashboardPolicy));
        Assert.That(SecurityHeaders.DashboardPolicy, Does.StartWith("default-src 'none'; script-src 'self'; style-src 'self';"));
        Assert.That(SecurityHeaders.DashboardPolicy.Split(';').SelectMany(directive => directive.Trim().Split(' ').Skip(1)),
            Is.All.EqualTo("'self'").Or.EqualTo("'none'"), "no source but this origin: no data:, no other host, nothing unsafe");
        Assert.That(page.Headers.GetValues("X-Content-Type-Options").Single(), Is.EqualTo("nosniff"));
        Assert.That(page.Headers.GetValues("Referrer-Policy").Single(), Is.EqualTo("no-referrer"));
        Assert.That(page.Headers.CacheControl?.NoCache, Is.True, "a new release's files are fetched again, never mixed with old ones");
    }

    [Test]
    public async Task Every_file_the_page_links_is_served_from_here_with_its_type()
    {
        await using var database = new SqliteTestDatabase();
        await using var factory = new AniPlannerFactory(database);
        using var client = factory.CreateClient();

        var linked = LocalLinks(await File.ReadAllTextAsync(Path.Combine(Assets, "index.html")))
            .Concat(Directory.GetFiles(Path.Combine(Assets, "js"), "*.js").SelectMany(module => ModuleImports(File.ReadAllText(module)).Select(import => "js/" + import)))
            .Distinct()
            .ToList();
        Assert.That(linked, Is.SupersetOf(new[] { "dashboard.css", "js/app.js", "favicon.svg", "js/api.js", "js/regions.js" }));

        foreach (var file in linked)
        {
            using var response = await client.GetAsync($"/dashboard/{file}");
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), file);
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo(Path.GetExtension(file) switch
            {
                ".js" => "text/javascript",
                ".css" => "text/css",
                ".svg" => "image/svg+xml",
                var other => throw new AssertionException($"{file}: no type expected for {other}"),
            }), file);
        }
    }

    [Test]
    public async Task A_file_the_dashboard_does_not_have_is_a_404_in_the_API_error_shape()
    {
        await using var database = new SqliteTestDatabase();
        await using var factory = new AniPlannerFactory(database);
        using var client = factory.CreateClient();

        using var response = await client.GetAsync("/dashboard/js/no-such-module.js");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(JsonNode.Parse(await response.Content.ReadAsStringAsync())?["error"]?["status"]?.GetValue<string>(), Is.EqualTo("NOT_FOUND"));
    }

    [Test]
    public void The_page_has_no_inline_script_or_style_and_links_nothing_from_elsewhere()
    {
        var html = File.ReadAllText(Path.Combine(Assets, "index.html"));
        Assert.Multiple(() =>
        {
            Assert.That(ScriptTags().Matches(html).Select(tag => tag.Value), Is.Not.Empty.And.All.Contains(" src=\""), "every script is a file");
            Assert.That(html, Does.Not.Contain("<style"), "no style element");
            Assert.That(InlineAttributes().Matches(html).Select(match => match.Value), Is.Empty, "no style attribute or event handler attribute");
        });

        foreach (var file in Directory.GetFiles(Assets, "*", SearchOption.AllDirectories))
        {
            // SVG's namespace name is a name, not an address anything is loaded from.
            var text = File.ReadAllText(file).Replace("http://www.w3.org/2000/svg", "", StringComparison.Ordinal);
            Assert.That(ExternalAddresses().Matches(text).Select(match => match.Value), Is.Empty, $"{Path.GetRelativePath(Assets, file)} names no other site");
            Assert.That(text, Does.Not.Contain("innerHTML").And.Not.Contain("eval("), $"{Path.GetRelativePath(Assets, file)} builds the page from text nodes only");
        }
    }

    [Test]
    public async Task The_root_sends_a_browser_to_the_dashboard()
    {
        await using var database = new SqliteTestDatabase();
        await using var factory = new AniPlannerFactory(database);
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        // What Chromium sends when a person opens the address.
        request.Headers.TryAddWithoutValidation("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8");

        using var response = await client.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(response.Headers.Location?.OriginalString, Is.EqualTo(DashboardEndpoints.Path + "/"));
        Assert.That(response.Headers.Vary, Does.Contain("Accept"));
    }

    [TestCase("application/json")]
    [TestCase("*/*")]
    [TestCase(null)]
    [TestCase("text/html;q=0, application/json")]
    public async Task The_root_answers_an_API_client_with_where_things_are(string? accept)
    {
        await using var database = new SqliteTestDatabase();
        await using var factory = new AniPlannerFactory(database);
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        if (accept is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }

        using var response = await client.SendAsync(request);
        var index = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/json"));
        Assert.That(response.Headers.Vary, Does.Contain("Accept"));
        Assert.That(index.Select(field => field.Key), Is.EqualTo(new[] { "service", "dashboard", "docs", "openApi", "health" }));
        foreach (var (name, link) in index.Where(field => field.Key != "service"))
        {
            using var linked = await client.GetAsync(link!.GetValue<string>());
            Assert.That(linked.StatusCode, Is.EqualTo(HttpStatusCode.OK), $"{name}: {link}");
        }
    }

    [Test]
    public async Task The_README_shows_a_screenshot_of_the_plan_that_is_in_the_repository()
    {
        var readme = await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Root, "README.md"));
        var image = ReadmeImage().Match(readme);

        Assert.That(image.Success, Is.True, "the README shows the dashboard");
        var file = Path.Combine(RepositoryPaths.Root, image.Groups["path"].Value);
        Assert.That(File.Exists(file), Is.True, file);
        // A PNG by its signature, and one the size of a page rather than an empty placeholder.
        var bytes = await File.ReadAllBytesAsync(file);
        Assert.That(bytes.Take(8), Is.EqualTo(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }));
        Assert.That(bytes, Has.Length.GreaterThan(20_000));
    }

    private static IEnumerable<string> LocalLinks(string html) =>
        LinkAttributes().Matches(html).Select(match => match.Groups["link"].Value).Where(link => !link.StartsWith("..", StringComparison.Ordinal) && !link.StartsWith('#'));

    private static IEnumerable<string> ModuleImports(string module) =>
        ModuleImport().Matches(module).Select(match => match.Groups["module"].Value);

    [GeneratedRegex(@"!\[[^\]]*\]\((?<path>docs/images/[^)]+\.png)\)")]
    private static partial Regex ReadmeImage();

    [GeneratedRegex(@"<script\b[^>]*>")]
    private static partial Regex ScriptTags();

    [GeneratedRegex(@"\s(?:style|on[a-z]+)\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex InlineAttributes();

    [GeneratedRegex(@"(?:https?:)?//[a-z0-9.-]+\.[a-z]{2,}", RegexOptions.IgnoreCase)]
    private static partial Regex ExternalAddresses();

    [GeneratedRegex(@"\b(?:href|src)=""(?<link>[^""]+)""")]
    private static partial Regex LinkAttributes();

    [GeneratedRegex(@"from '\./(?<module>[a-z-]+\.js)'")]
    private static partial Regex ModuleImport();
}
