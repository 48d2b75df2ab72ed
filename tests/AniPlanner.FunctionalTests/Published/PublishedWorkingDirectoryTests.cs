using System.Text.Json.Nodes;
using AniPlanner.FunctionalTests.Infrastructure;

namespace AniPlanner.FunctionalTests.Published;

/// <summary>
/// An operator may start the published service from anywhere (`dotnet /opt/aniplanner/AniPlanner.Api.dll`):
/// it still reads the appsettings.json it was installed with.
/// </summary>
[NonParallelizable]
public sealed class PublishedWorkingDirectoryTests
{
    [Test]
    public async Task Started_from_another_folder_the_service_reads_its_own_appsettings()
    {
        var elsewhere = Directory.CreateTempSubdirectory("aniplanner-elsewhere-").FullName;
        try
        {
            await using var service = await PublishedService.StartAsync(new Dictionary<string, string>
            {
                ["ConnectionStrings__AniPlanner"] = $"Data Source={Path.Combine(elsewhere, "service.db")}",
                ["Auth__JwtSigningKey"] = "published-smoke-signing-key-0123456789abcdef",
            }, workingDirectory: elsewhere);
            await service.WaitUntilReadyAsync();

            // appsettings.json turns EF Core's per-command Information lines off (its level is Warning);
            // without the file they would fill the log from the first migration on.
            var categories = service.Output.Where(line => line.StartsWith('{')).Select(line => JsonNode.Parse(line)!["Category"]!.GetValue<string>()).ToList();
            Assert.That(categories, Has.Some.EqualTo("AniPlanner.Api.Hosting.StartupTasks"), string.Join("\n", service.Output));
            Assert.That(categories, Has.None.StartsWith("Microsoft.EntityFrameworkCore"), string.Join("\n", service.Output));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(elsewhere, recursive: true);
        }
    }
}
