using System.Net;
using System.Text.Json.Nodes;
using AniPlanner.FunctionalTests.Infrastructure;

namespace AniPlanner.FunctionalTests.Outplans;

/// <summary>
/// Many requests on one outplan at once, several rounds each (a race that a round can miss must
/// not pass by luck): updates land whole, never on a deleted outplan, and a delete counts once.
/// </summary>
public sealed class OutplanConcurrencyTests(DatabaseKind kind) : ApiTestBase(kind)
{
    private const int Rounds = 6;
    private const int Writers = 32;
    private const int WritersAgainstADelete = 16;

    [Test]
    public async Task Concurrent_dial_info_updates_leave_exactly_one_acknowledged_body()
    {
        var (_, token) = await CreateCustomerAsync();
        for (var round = 1; round <= Rounds; round++)
        {
            var id = (await CreateAsync(token))["id"]!.GetValue<string>();

            var answers = await SendAtOnceAsync(Enumerable.Range(0, Writers)
                .Select(writer => (HttpMethod.Put, $"/v1.0/outplans/{id}/dial_info", token, (JsonNode?)DialInfoBody(writer))));

            Assert.That(answers.Select(answer => answer.Status), Is.All.EqualTo(HttpStatusCode.OK),
                string.Join(Environment.NewLine, answers.Where(answer => answer.Status != HttpStatusCode.OK).Select(answer => answer.Body?.ToJsonString())));
            var final = (await SendAsync(HttpMethod.Get, $"/v1.0/outplans/{id}", token)).Body!;
            RaceOutcomes.AssertIsOneAcknowledgedBody(final, [.. answers.Select(answer => answer.Body!)], $"round {round}");
        }
    }

    [TestCase("dial_info")]
    [TestCase("basic_info")]
    public async Task Updates_racing_a_delete_land_before_it_or_answer_404(string info)
    {
        var (_, token) = await CreateCustomerAsync();
        for (var round = 1; round <= Rounds; round++)
        {
            var before = await CreateAsync(token);
            var url = $"/v1.0/outplans/{before["id"]}";
            var updates = Enumerable.Range(0, WritersAgainstADelete)
                .Select(writer => info == "dial_info"
                    ? (HttpMethod.Put, url + "/dial_info", token, (JsonNode?)DialInfoBody(writer))
                    : (HttpMethod.Put, url, token, (JsonNode?)new JsonObject { ["name"] = $"name {writer}", ["detail"] = $"detail {writer}" }))
                .ToList();

            // The delete goes in the middle, so updates start both before and after it.
            var answers = await SendAtOnceAsync([.. updates[..(WritersAgainstADelete / 2)], (HttpMethod.Delete, url, token, null), .. updates[(WritersAgainstADelete / 2)..]]);

            var final = (await SendAsync(HttpMethod.Get, url, token)).Body!;
            RaceOutcomes.AssertUpdatesLandedBeforeTheDelete(
                before, [.. answers.Where((_, index) => index != WritersAgainstADelete / 2)], answers[WritersAgainstADelete / 2], final, "OUTPLAN_NOT_FOUND", $"round {round}");
        }
    }

    [Test]
    public async Task Simultaneous_deletes_answer_the_same_outplan_and_record_one_delete()
    {
        var (_, token) = await CreateCustomerAsync();
        for (var round = 1; round <= Rounds; round++)
        {
            var id = (await CreateAsync(token))["id"]!.GetValue<string>();

            var answers = await SendAtOnceAsync(Enumerable.Range(0, 4).Select(_ => (HttpMethod.Delete, $"/v1.0/outplans/{id}", token, (JsonNode?)null)));

            Assert.That(answers.Select(answer => answer.Status), Is.All.EqualTo(HttpStatusCode.OK), $"round {round}");
            Assert.That(answers.Select(answer => answer.Body!["tm_delete"]!.GetValue<string>()).Distinct().Count(), Is.EqualTo(1),
                $"round {round}: the deletes answered different delete times, so more than one of them deleted");
            Assert.That(await AuditRowsAsync(id, "delete"), Is.EqualTo(1), $"round {round}: delete audit rows");
        }
    }

    private async Task<JsonNode> CreateAsync(string token)
    {
        var (status, body) = await SendAsync(HttpMethod.Post, "/v1.0/outplans", token, OutplanTestData.CreateBody());
        Assert.That(status, Is.EqualTo(HttpStatusCode.OK), body?.ToJsonString());
        return body!;
    }

    /// <summary>
    /// Writer n changes one of eight fields to a value of its own and sends the rest as created:
    /// two writers that read the same row and change different fields would merge if only changed
    /// columns were written without a check that the row is still the one they read.
    /// </summary>
    private static JsonObject DialInfoBody(int writer)
    {
        var body = OutplanTestData.CreateBody();
        body.Remove("name");
        body.Remove("detail");
        switch (writer % 8)
        {
            case 0:
                body["dial_timeout"] = 31_000 + writer;
                break;
            case 1:
                body["try_interval"] = 600_000 + writer;
                break;
            case 7:
                body["source"] = new JsonObject { ["type"] = "tel", ["target"] = $"+1555000{writer:D4}" };
                break;
            case var field:
                body[$"max_try_count_{field - 2}"] = 10 + writer;
                break;
        }

        return body;
    }
}
