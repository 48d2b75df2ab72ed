using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using AniPlanner.FunctionalTests.Infrastructure;

namespace AniPlanner.FunctionalTests.Hosting;

/// <summary>
/// The published contract: the running service's OpenAPI document must equal the committed
/// docs/openapi.json (host-specific servers aside), so every contract change is a reviewed diff.
/// To accept a change, run the tests with ANIPLANNER_UPDATE_OPENAPI=1 and commit the file.
/// </summary>
public sealed class OpenApiContractTests
{
    [Test]
    public async Task The_served_document_matches_the_committed_one()
    {
        await using var database = new SqliteTestDatabase();
        await using var factory = new AniPlannerFactory(database);
        using var client = factory.CreateClient();

        var served = JsonNode.Parse(await client.GetStringAsync("/openapi/v1.json"))!.AsObject();
        served.Remove("servers");
        var committedPath = Path.Combine(RepositoryPaths.Root, "docs", "openapi.json");
        if (Environment.GetEnvironmentVariable("ANIPLANNER_UPDATE_OPENAPI") == "1")
        {
            await File.WriteAllTextAsync(committedPath, served.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
        }

        var committed = JsonNode.Parse(await File.ReadAllTextAsync(committedPath));
        Assert.That(JsonNode.DeepEquals(served, committed), Is.True,
            "The API contract changed. Review the change, then run the tests with ANIPLANNER_UPDATE_OPENAPI=1 and commit docs/openapi.json.");
    }

    [Test]
    public async Task The_document_describes_both_contracts_and_the_credentials()
    {
        await using var database = new SqliteTestDatabase();
        await using var factory = new AniPlannerFactory(database);
        using var client = factory.CreateClient();

        var document = JsonNode.Parse(await client.GetStringAsync("/openapi/v1.json"))!;
        var paths = document["paths"]!.AsObject().Select(path => path.Key).ToList();

        Assert.That(paths, Does.Contain("/v1.0/outplans").And.Contain("/v1.0/outplans/{id}/dial_info").And.Contain("/ani-planner/generate").And.Contain("/auth/login"));
        Assert.That(document["components"]!["securitySchemes"]!.AsObject().Select(scheme => scheme.Key), Is.EquivalentTo(new[] { "bearer", "token", "accesskey" }));
        var createOutplan = document["paths"]!["/v1.0/outplans"]!["post"]!;
        Assert.That(createOutplan["responses"]!.AsObject().Select(response => response.Key),
            Is.EquivalentTo(new[] { "200", "400", "401", "403", "413", "415", "429", "500", "503" }));
        Assert.That(createOutplan["responses"]!["401"]!["content"]!["application/json"]!["schema"]!["$ref"]!.GetValue<string>(), Is.EqualTo("#/components/schemas/VoipbinErrorEnvelope"), "VoIPBIN's envelope");
        Assert.That(createOutplan["requestBody"]!["content"]!["application/json"]!["example"]!["dial_timeout"]!.GetValue<int>(), Is.EqualTo(30000), "the seed's example");
        Assert.That(document["paths"]!["/ani-planner/generate"]!["post"]!["responses"]!["400"]!["content"]!["application/json"]!["schema"]!["$ref"]!.GetValue<string>(),
            Is.EqualTo("#/components/schemas/AniPlannerFailure"));
        var generateError = document["components"]!["schemas"]!["AniPlannerFailure"]!["properties"]!;
        Assert.That(generateError.AsObject().Select(property => property.Key), Is.EquivalentTo(new[] { "success", "message" }), "the ANI Planner's envelope");
        Assert.That(document["paths"]!["/v1.0/outplans/{id}"]!["get"]!["responses"]!["404"], Is.Not.Null);

        using var docs = await client.GetAsync("/docs");
        Assert.That(docs.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the docs UI");
    }

    [Test]
    public async Task Liveness_needs_nothing_and_readiness_needs_a_migrated_database()
    {
        await using var empty = new SqliteTestDatabase();
        await using var notMigrated = new AniPlannerFactory(empty, new Dictionary<string, string?> { ["Database:MigrateOnStartup"] = "false" });
        using var client = notMigrated.CreateClient();

        Assert.That((await client.GetAsync("/health/live")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await client.GetAsync("/health/ready")).StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));

        await using var migrated = new SqliteTestDatabase();
        await using var ready = new AniPlannerFactory(migrated);
        using var readyClient = ready.CreateClient();
        Assert.That((await readyClient.GetAsync("/health/ready")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }
}
