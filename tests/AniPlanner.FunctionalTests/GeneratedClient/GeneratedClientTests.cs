namespace AniPlanner.FunctionalTests.GeneratedClient;

/// <summary>
/// The committed client is what docs/openapi.json generates, like the document is what the
/// service serves: a contract change regenerates both. To accept one, run the tests with
/// ANIPLANNER_UPDATE_CLIENT=1 (after ANIPLANNER_UPDATE_OPENAPI=1) and commit AniPlannerClient.g.cs.
/// </summary>
public sealed class GeneratedClientTests
{
    [Test]
    public async Task The_committed_client_is_what_the_committed_document_generates()
    {
        var generated = await ClientGenerator.GenerateAsync();
        if (Environment.GetEnvironmentVariable("ANIPLANNER_UPDATE_CLIENT") == "1")
        {
            await File.WriteAllTextAsync(ClientGenerator.ClientPath, generated);
        }

        var committed = File.Exists(ClientGenerator.ClientPath) ? (await File.ReadAllTextAsync(ClientGenerator.ClientPath)).ReplaceLineEndings("\n") : "";
        Assert.That(committed == generated, Is.True,
            "The generated client differs from what docs/openapi.json generates. Run the tests with ANIPLANNER_UPDATE_CLIENT=1 and commit GeneratedClient/AniPlannerClient.g.cs.");
    }
}
