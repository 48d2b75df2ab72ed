using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using AniPlanner.FunctionalTests.Infrastructure;

namespace AniPlanner.FunctionalTests.Hosting;

/// <summary>
/// Every answer says "nosniff" and carries a Content-Security-Policy: API answers may load and
/// run nothing; the docs page may run exactly its own scripts (by this request's nonce, or
/// from this service) and fetch from this service only.
/// </summary>
public sealed partial class SecurityHeadersTests
{
    private const string ApiPolicy = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    [TestCase("GET", "/health", null, false, HttpStatusCode.OK)]
    [TestCase("GET", "/v1.0/outplans", null, false, HttpStatusCode.Unauthorized)]
    [TestCase("GET", "/v1.0/customers", null, true, HttpStatusCode.OK)]
    [TestCase("GET", "/v1.0/no-such-thing", null, true, HttpStatusCode.NotFound)]
    [TestCase("POST", "/v1.0/customers", "application/json; charset=utf-16", true, HttpStatusCode.UnsupportedMediaType)]
    [TestCase("GET", "/ani-planner/regions?country=%3Cscript%3E", null, false, HttpStatusCode.Unauthorized)]
    [TestCase("GET", "/openapi/v1.json", null, false, HttpStatusCode.OK)]
    public async Task Api_answers_are_nosniff_and_may_load_nothing(string method, string url, string? contentType, bool withPlatformKey, HttpStatusCode status)
    {
        await using var database = new SqliteTestDatabase();
        await using var factory = new AniPlannerFactory(database);
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(new HttpMethod(method), url);
        if (withPlatformKey)
        {
            request.Headers.Authorization = new("Bearer", AniPlannerFactory.AdminKey);
        }

        if (contentType is not null)
        {
            request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes("{\"name\":\"x\"}"));
            request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        }

        using var response = await client.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(status));
        Assert.That(response.Headers.GetValues("X-Content-Type-Options"), Is.EqualTo(new[] { "nosniff" }));
        Assert.That(response.Headers.GetValues("Content-Security-Policy"), Is.EqualTo(new[] { ApiPolicy }));
    }

    [Test]
    public async Task The_docs_page_runs_only_its_own_scripts_by_a_fresh_nonce_and_loads_nothing_from_elsewhere()
    {
        await using var database = new SqliteTestDatabase();
        await using var factory = new AniPlannerFactory(database);
        using var client = factory.CreateClient();

        using var page = await client.GetAsync("/docs/");
        var html = await page.Content.ReadAsStringAsync();
        using var again = await client.GetAsync("/docs/");

        Assert.That(page.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(page.Headers.GetValues("X-Content-Type-Options"), Is.EqualTo(new[] { "nosniff" }));
        var policy = page.Headers.GetValues("Content-Security-Policy").Single();
        var nonce = Nonce().Match(policy).Groups["nonce"].Value;
        Assert.That(nonce, Is.Not.Empty, policy);
        Assert.That(Nonce().Match(again.Headers.GetValues("Content-Security-Policy").Single()).Groups["nonce"].Value, Is.Not.EqualTo(nonce), "a nonce per answer");
        Assert.That(policy, Does.StartWith("default-src 'none'; script-src 'self' 'nonce-").And.Contain("connect-src 'self'").And.Contain("frame-ancestors 'none'"));

        // Every script carries the nonce; those it loads come from here and are served.
        var scripts = ScriptTag().Matches(html).Select(match => match.Value).ToList();
        Assert.That(scripts, Is.Not.Empty);
        Assert.That(scripts, Has.All.Contain($"nonce=\"{nonce}\""));
        foreach (var source in scripts.Select(script => ScriptSource().Match(script)).Where(match => match.Success).Select(match => match.Groups["src"].Value))
        {
            Assert.That(source, Does.Not.Contain("//"), "a script of this service");
            using var script = await client.GetAsync($"/docs/{source}");
            Assert.That(script.StatusCode, Is.EqualTo(HttpStatusCode.OK), source);
        }

        // Nothing from a CDN: no default fonts, no telemetry.
        Assert.That(html, Does.Contain("\"withDefaultFonts\":false").And.Contain("\"telemetry\":false").And.Not.Contain("https://"));
    }

    [GeneratedRegex("'nonce-(?<nonce>[A-Za-z0-9_-]+)'")]
    private static partial Regex Nonce();

    [GeneratedRegex("<script[^>]*>")]
    private static partial Regex ScriptTag();

    [GeneratedRegex("src=\"(?<src>[^\"]+)\"")]
    private static partial Regex ScriptSource();
}
