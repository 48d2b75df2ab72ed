using System.Net;
using System.Text.Json.Nodes;
using AniPlanner.FunctionalTests.Infrastructure;

namespace AniPlanner.FunctionalTests.Outplans;

/// <summary>
/// Replays every curl of the VoIPBIN outplan tutorial (seed 002) and compares each answer with
/// the one the seed shows, field by field and in order. Only what must differ (ids, the
/// customer, creation and update times) is checked for its format instead of its value.
/// </summary>
public sealed class SeedContractTests(DatabaseKind kind) : ApiTestBase(kind)
{
    private const string CreateBody = """
        {
            "name": "test outplan",
            "detail": "outplan for test use.",
            "source": { "type": "tel", "target": "+15559876543" },
            "dial_timeout": 30000,
            "try_interval": 600000,
            "max_try_count_0": 5, "max_try_count_1": 5, "max_try_count_2": 5, "max_try_count_3": 5, "max_try_count_4": 5
        }
        """;

    private const string SeedCreateAnswer = """
        {
            "id": "d5fb7357-7ddb-4f2d-87b5-8ccbfd6c039e",
            "customer_id": "7a1b2c3d-4e5f-6789-abcd-ef0123456789",
            "name": "test outplan",
            "detail": "outplan for test use.",
            "source": { "type": "tel", "target": "+15559876543", "target_name": "", "name": "", "detail": "" },
            "dial_timeout": 30000,
            "try_interval": 600000,
            "max_try_count_0": 5, "max_try_count_1": 5, "max_try_count_2": 5, "max_try_count_3": 5, "max_try_count_4": 5,
            "tm_create": "2022-04-28 01:50:23.414000",
            "tm_update": "9999-01-01 00:00:00.000000",
            "tm_delete": "9999-01-01 00:00:00.000000"
        }
        """;

    private const string DialInfoBody = """
        {
            "source": { "type": "tel", "target": "+15559876543" },
            "dial_timeout": 30000,
            "try_interval": 60000,
            "max_try_count_0": 5, "max_try_count_1": 5, "max_try_count_2": 5, "max_try_count_3": 5, "max_try_count_4": 5
        }
        """;

    private const string SeedUpdateAnswer = """
        {
            "id": "d5fb7357-7ddb-4f2d-87b5-8ccbfd6c039e",
            "customer_id": "7a1b2c3d-4e5f-6789-abcd-ef0123456789",
            "name": "test outplan",
            "detail": "outplan for test use",
            "source": { "type": "tel", "target": "+15559876543", "target_name": "", "name": "", "detail": "" },
            "dial_timeout": 30000,
            "try_interval": 60000,
            "max_try_count_0": 5, "max_try_count_1": 5, "max_try_count_2": 5, "max_try_count_3": 5, "max_try_count_4": 5,
            "tm_create": "2022-04-28 01:50:23.414000",
            "tm_update": "2022-05-02 05:59:44.290658",
            "tm_delete": "9999-01-01 00:00:00.000000"
        }
        """;

    [Test]
    public async Task Every_seed_curl_answers_what_the_seed_shows()
    {
        var (customerId, token) = await CreateCustomerAsync();

        // Create a new outplan (with ?token= as in the seed).
        var created = await SendRawAsync(HttpMethod.Post, $"/v1.0/outplans?token={token}", null, CreateBody);
        Assert.That(created.Status, Is.EqualTo(HttpStatusCode.OK), created.Body?.ToJsonString());
        WireFormat.AssertMatchesSeed(created.Body!, SeedCreateAnswer, customerId, "id", "tm_create");
        var id = created.Body!["id"]!.GetValue<string>();

        // Get list of outplans.
        var list = await SendAsync(HttpMethod.Get, $"/v1.0/outplans?token={token}", null);
        Assert.That(list.Status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(WireFormat.Keys(list.Body!), Is.EqualTo(new[] { "result", "next_page_token" }));
        Assert.That(list.Body!["result"]!.AsArray(), Has.Count.EqualTo(1));
        Assert.That(JsonNode.DeepEquals(list.Body["result"]![0], created.Body), Is.True);
        Assert.That(list.Body["next_page_token"]!.GetValue<string>(), Is.EqualTo(created.Body["tm_create"]!.GetValue<string>()));

        // Get detail of outplan.
        var detail = await SendAsync(HttpMethod.Get, $"/v1.0/outplans/{id}?token={token}", null);
        Assert.That(detail.Status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(JsonNode.DeepEquals(detail.Body, created.Body), Is.True, detail.Body?.ToJsonString());

        // Update outplan's dial info.
        var dialInfo = await SendRawAsync(HttpMethod.Put, $"/v1.0/outplans/{id}/dial_info?token={token}", null, DialInfoBody);
        Assert.That(dialInfo.Status, Is.EqualTo(HttpStatusCode.OK), dialInfo.Body?.ToJsonString());
        Assert.That(dialInfo.Body!["try_interval"]!.GetValue<long>(), Is.EqualTo(60000));
        Assert.That(dialInfo.Body["tm_update"]!.GetValue<string>(), Is.Not.EqualTo(WireFormat.NotSet));

        // Update outplan's basic info: the seed's answer, dial info from the step before.
        var updated = await SendRawAsync(
            HttpMethod.Put, $"/v1.0/outplans/{id}?token={token}", null, """{ "name": "test outplan", "detail": "outplan for test use" }""");
        Assert.That(updated.Status, Is.EqualTo(HttpStatusCode.OK), updated.Body?.ToJsonString());
        WireFormat.AssertMatchesSeed(updated.Body!, SeedUpdateAnswer, customerId, "id", "tm_create", "tm_update");
        Assert.That(updated.Body!["tm_create"]!.GetValue<string>(), Is.EqualTo(created.Body["tm_create"]!.GetValue<string>()));

        // Delete outplan.
        var deleted = await SendAsync(HttpMethod.Delete, $"/v1.0/outplans/{id}?token={token}", null);
        Assert.That(deleted.Status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(deleted.Body!["id"]!.GetValue<string>(), Is.EqualTo(id));
        Assert.That(deleted.Body["tm_delete"]!.GetValue<string>(), Does.Match(WireFormat.TimestampPattern).And.Not.EqualTo(WireFormat.NotSet));
    }
}
