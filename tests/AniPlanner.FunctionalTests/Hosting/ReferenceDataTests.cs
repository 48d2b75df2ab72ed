using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using AniPlanner.FunctionalTests.Infrastructure;

namespace AniPlanner.FunctionalTests.Hosting;

/// <summary>The approximate ZIP table can be replaced by a file, without a code change.</summary>
public sealed class ReferenceDataTests
{
    [Test]
    public async Task A_replacement_zip_file_takes_over_and_rebuilds_the_zip_rollups()
    {
        await using var database = new SqliteTestDatabase();
        var zipFile = Path.Combine(Path.GetTempPath(), $"zips-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(zipFile, "zip,area_code\n90001,212\n");
        try
        {
            string token;
            await using (var shipped = new AniPlannerFactory(database))
            {
                using var client = shipped.CreateClient();
                token = await ArrangeOneDialFromZip90001Async(client);
                Assert.That(await ZipRegionsAsync(client, token, "2026-05-04"), Is.EqualTo(new[] { "Los Angeles/CA" }), "the shipped table puts 90001 in 213");
            }

            await using var replaced = new AniPlannerFactory(database, new Dictionary<string, string?> { ["ReferenceData:ZipAreaCodesFile"] = zipFile });
            using var replacedClient = replaced.CreateClient();
            Assert.Multiple(async () =>
            {
                // A day's totals and a whole week's (Mon 4 .. Sun 10 May) are both rebuilt.
                Assert.That(await ZipRegionsAsync(replacedClient, token, "2026-05-04"), Is.EqualTo(new[] { "New York/NY" }), "the file puts 90001 in 212, for dials already stored too");
                Assert.That(await ZipRegionsAsync(replacedClient, token, "2026-05-10"), Is.EqualTo(new[] { "New York/NY" }), "and in the week's totals");
            });
        }
        finally
        {
            File.Delete(zipFile);
        }
    }

    private static async Task<string> ArrangeOneDialFromZip90001Async(HttpClient client)
    {
        using var admin = new HttpRequestMessage(HttpMethod.Post, "/v1.0/customers") { Content = Json("""{"name":"Zip Co"}""") };
        admin.Headers.Authorization = new("Bearer", AniPlannerFactory.AdminKey);
        var token = JsonNode.Parse(await (await client.SendAsync(admin)).Content.ReadAsStringAsync())!["accesskey"]!["token"]!.GetValue<string>();
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        Assert.That((await client.PutAsync("/ani-planner/campaigns/out", Json("""{"name":"Out","campaignType":"outbound"}"""))).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var dial = """[{"callId":"z1","campaign":"out","dialedAt":"2026-05-04T10:00:00-07:00","prospectNumber":"+13105550123","aniNumber":"+13105550100","prospectZip":"90001","contacted":true}]""";
        var imported = JsonNode.Parse(await (await client.PostAsync("/ani-planner/dials", Json(dial))).Content.ReadAsStringAsync())!;
        Assert.That(imported["data"]!["accepted"]!.GetValue<long>(), Is.EqualTo(1), imported.ToJsonString());
        return token;
    }

    /// <summary>The regions of a ZIP plan from Mon 4 May to <paramref name="dateEnd"/>.</summary>
    private static async Task<string[]> ZipRegionsAsync(HttpClient client, string token, string dateEnd)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/ani-planner/generate")
        {
            Content = Json($$"""{"dateStart":"2026-05-04","dateEnd":"{{dateEnd}}","groupBy":"zip"}"""),
        };
        request.Headers.Authorization = new("Bearer", token);
        var plan = JsonNode.Parse(await (await client.SendAsync(request)).Content.ReadAsStringAsync())!["data"]!;
        return [.. plan["regionStats"]!.AsArray().Select(row => $"{row!["region"]!.GetValue<string>()}/{row["state"]!.GetValue<string>()}")];
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");
}
