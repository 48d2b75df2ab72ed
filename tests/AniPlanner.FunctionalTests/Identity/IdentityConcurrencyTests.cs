using System.Net;
using System.Text.Json.Nodes;
using AniPlanner.FunctionalTests.Infrastructure;

namespace AniPlanner.FunctionalTests.Identity;

/// <summary>
/// Access keys, users and customers are soft-deleted like outplans, and race the same way: an
/// update racing a delete lands before it or answers 404, and a delete counts once. Several
/// rounds each, so a race a round misses cannot pass by luck.
/// </summary>
public sealed class IdentityConcurrencyTests(DatabaseKind kind) : ApiTestBase(kind)
{
    private const int Rounds = 5;
    private const int Writers = 16;

    [TestCase("accesskeys", "ACCESSKEY_NOT_FOUND")]
    [TestCase("users", "USER_NOT_FOUND")]
    [TestCase("customers", "CUSTOMER_NOT_FOUND")]
    public async Task Updates_racing_a_delete_land_before_it_or_answer_404(string resource, string notFoundReason)
    {
        var (_, admin) = await CreateCustomerAsync();
        for (var round = 1; round <= Rounds; round++)
        {
            var (url, token) = await CreateAsync(resource, admin, round);
            var before = (await SendAsync(HttpMethod.Get, url, token)).Body!;
            var updates = Enumerable.Range(0, Writers).Select(writer => (HttpMethod.Put, url, token, (JsonNode?)UpdateBody(resource, writer))).ToList();

            // The delete goes in the middle, so updates start both before and after it.
            var answers = await SendAtOnceAsync([.. updates[..(Writers / 2)], (HttpMethod.Delete, url, token, null), .. updates[(Writers / 2)..]]);

            var final = (await SendAsync(HttpMethod.Get, url, token)).Body!;
            RaceOutcomes.AssertUpdatesLandedBeforeTheDelete(
                before, [.. answers.Where((_, index) => index != Writers / 2)], answers[Writers / 2], final, notFoundReason, $"round {round}");
        }
    }

    [TestCase("accesskeys")]
    [TestCase("users")]
    [TestCase("customers")]
    public async Task Simultaneous_deletes_answer_the_same_resource_and_record_one_delete(string resource)
    {
        var (_, admin) = await CreateCustomerAsync();
        for (var round = 1; round <= Rounds; round++)
        {
            var (url, token) = await CreateAsync(resource, admin, round);

            var answers = await SendAtOnceAsync(Enumerable.Range(0, 4).Select(_ => (HttpMethod.Delete, url, token, (JsonNode?)null)));

            Assert.That(answers.Select(answer => answer.Status), Is.All.EqualTo(HttpStatusCode.OK), $"round {round}");
            Assert.That(answers.Select(answer => answer.Body!["tm_delete"]!.GetValue<string>()).Distinct().Count(), Is.EqualTo(1),
                $"round {round}: the deletes answered different delete times, so more than one of them deleted");
            Assert.That(await AuditRowsAsync(url.Split('/')[^1], "delete"), Is.EqualTo(1), $"round {round}: delete audit rows");
        }
    }

    /// <summary>A new resource and the credential that manages it: the customer's admin key, or the platform key for customers.</summary>
    private async Task<(string Url, string Token)> CreateAsync(string resource, string admin, int round)
    {
        var (token, body) = resource switch
        {
            "accesskeys" => (admin, new JsonObject { ["name"] = $"key {round}", ["permission"] = "planner" }),
            "users" => (admin, new JsonObject { ["username"] = $"racer{round}", ["password"] = "long enough password", ["permission"] = "planner" }),
            _ => (AniPlannerFactory.AdminKey, new JsonObject { ["name"] = $"Customer {round}" }),
        };
        var (status, created) = await SendAsync(HttpMethod.Post, $"/v1.0/{resource}", token, body);
        Assert.That(status, Is.EqualTo(HttpStatusCode.OK), created?.ToJsonString());
        return ($"/v1.0/{resource}/{created!["id"]}", token);
    }

    private static JsonObject UpdateBody(string resource, int writer) => resource == "users"
        ? new JsonObject { ["name"] = $"name {writer}", ["detail"] = $"detail {writer}", ["permission"] = writer % 2 == 0 ? "planner" : "manager" }
        : new JsonObject { ["name"] = $"name {writer}", ["detail"] = $"detail {writer}" };
}
