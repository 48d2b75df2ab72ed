using System.Net;
using System.Text.Json.Nodes;
using AniPlanner.FunctionalTests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace AniPlanner.FunctionalTests.Hosting;

/// <summary>
/// A database that stays busy past the service's wait (here: another writer holding SQLite's
/// write lock, with a 1-second busy timeout) is a retryable 503 with Retry-After in the
/// contract's envelope, never a 500, and nothing of the request is stored.
/// </summary>
public sealed class DatabaseBusyTests
{
    [Test]
    public async Task Writes_that_cannot_get_the_lock_are_503_retryable_and_store_nothing()
    {
        await using var database = new SqliteTestDatabase();
        await using var factory = new AniPlannerFactory(database, new Dictionary<string, string?>
        {
            ["ConnectionStrings:AniPlanner"] = database.ConnectionString + ";Default Timeout=1",
        });
        using var client = factory.CreateClient();
        var token = await ServiceArrangements.CustomerWithCampaignAsync(client, AniPlannerFactory.AdminKey, "Busy Co");

        await using (var writer = new SqliteConnection(database.ConnectionString))
        {
            await writer.OpenAsync();
            await using var writeLock = writer.BeginTransaction(deferred: false);

            using var import = await client.SendAsync(ServiceArrangements.Authorized(HttpMethod.Post, "/ani-planner/dials", token,
                "callId,campaign,dialedAt,prospectNumber,aniNumber,contacted\nc-1,out,2026-05-04T10:00:00-07:00,+12135550123,+12135550100,true\n", "text/csv"));
            using var outplan = await client.SendAsync(ServiceArrangements.Authorized(HttpMethod.Post, "/v1.0/outplans", token, """{"name":"busy","dial_timeout":30000,"try_interval":60000}"""));

            var planner = JsonNode.Parse(await import.Content.ReadAsStringAsync())!;
            var voipbin = JsonNode.Parse(await outplan.Content.ReadAsStringAsync())!["error"]!;
            Assert.Multiple(() =>
            {
                Assert.That(import.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable), planner.ToJsonString());
                Assert.That(import.Headers.RetryAfter?.Delta, Is.EqualTo(TimeSpan.FromSeconds(5)));
                Assert.That(planner["success"]!.GetValue<bool>(), Is.False);
                Assert.That(planner["message"]!.GetValue<string>(), Does.Contain("this request did not complete").And.Contain("Send it again in 5 seconds"));
                Assert.That(outplan.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable), voipbin.ToJsonString());
                Assert.That(outplan.Headers.RetryAfter?.Delta, Is.EqualTo(TimeSpan.FromSeconds(5)));
                Assert.That(voipbin["status"]!.GetValue<string>(), Is.EqualTo("UNAVAILABLE"));
                Assert.That(voipbin["reason"]!.GetValue<string>(), Is.EqualTo("DATABASE_BUSY"));
            });
        }

        // The lock is gone: the same requests succeed, and the busy ones left nothing behind.
        using var retried = await client.SendAsync(ServiceArrangements.Authorized(HttpMethod.Post, "/ani-planner/dials", token,
            "callId,campaign,dialedAt,prospectNumber,aniNumber,contacted\nc-1,out,2026-05-04T10:00:00-07:00,+12135550123,+12135550100,true\n", "text/csv"));
        Assert.That(JsonNode.Parse(await retried.Content.ReadAsStringAsync())!["data"]!["accepted"]!.GetValue<long>(), Is.EqualTo(1), "the first attempt stored nothing");
        using var outplans = await client.SendAsync(ServiceArrangements.Authorized(HttpMethod.Get, "/v1.0/outplans", token));
        Assert.That(JsonNode.Parse(await outplans.Content.ReadAsStringAsync())!["result"]!.AsArray(), Is.Empty);
    }
}
