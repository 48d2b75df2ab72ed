using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using AniPlanner.FunctionalTests.Infrastructure;
using AniPlanner.FunctionalTests.Outplans;

namespace AniPlanner.FunctionalTests.Wire;

/// <summary>
/// Every paged list takes its <c>page_token</c> in the seeds' form and in RFC 3339 (VoIPBIN's
/// current clients), with any fraction length, <c>Z</c> or an offset: the same instant pages the same.
/// </summary>
public sealed class PageTokenFormsTests(DatabaseKind kind) : ApiTestBase(kind)
{
    private static readonly string[] Lists = ["/v1.0/outplans", "/v1.0/users", "/v1.0/accesskeys", "/v1.0/audit_logs", "/v1.0/customers"];

    [Test]
    public async Task Every_paged_list_pages_alike_after_the_same_instant_in_either_form()
    {
        var tokens = await TwoOfEveryListAsync();

        foreach (var list in Lists)
        {
            var token = tokens[list];
            var first = await SendAsync(HttpMethod.Get, $"{list}?page_size=1", token);
            Assert.That(first.Status, Is.EqualTo(HttpStatusCode.OK), $"{list}: {first.Body?.ToJsonString()}");
            var legacyToken = first.Body!["next_page_token"]!.GetValue<string>();
            var expected = await PageAfterAsync(list, token, legacyToken);
            Assert.That(expected.AsArray(), Is.Not.Empty, $"{list}: the second page");

            var instant = DateTime.ParseExact(legacyToken, "yyyy-MM-dd HH:mm:ss.ffffff", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
            foreach (var rfc3339 in (string[])
                     [
                         instant.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture),
                         instant.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture),
                         instant.AddHours(9).ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'+09:00'", CultureInfo.InvariantCulture),
                         instant.AddMinutes(-330).ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff000'-05:30'", CultureInfo.InvariantCulture),
                     ])
            {
                Assert.That(JsonNode.DeepEquals(await PageAfterAsync(list, token, rfc3339), expected), Is.True, $"{list} after {rfc3339} (the same instant as {legacyToken})");
            }
        }
    }

    [Test]
    public async Task A_bad_token_is_a_400_that_shows_both_forms_on_every_list()
    {
        var tokens = await TwoOfEveryListAsync();

        foreach (var list in Lists)
        {
            foreach (var bad in (string[])["2026-11-24T25:00:04Z", "2026-11-24T05:00:04", "2026-11-24T05:00:04+9:00", "tomorrow"])
            {
                AssertError(await SendAsync(HttpMethod.Get, $"{list}?page_token={Uri.EscapeDataString(bad)}", tokens[list]),
                    HttpStatusCode.BadRequest, "INVALID_ARGUMENT", "VALIDATION_FAILED", "'2022-04-28 01:50:23.414000' (UTC) or RFC 3339 '2022-04-28T01:50:23.414Z'");
            }
        }
    }

    private async Task<JsonNode> PageAfterAsync(string list, string token, string pageToken)
    {
        var (status, body) = await SendAsync(HttpMethod.Get, $"{list}?page_size=1&page_token={Uri.EscapeDataString(pageToken)}", token);
        Assert.That(status, Is.EqualTo(HttpStatusCode.OK), $"{list} after {pageToken}: {body?.ToJsonString()}");
        return body!["result"]!;
    }

    /// <summary>At least two items in every list; answers the token that reads each.</summary>
    private async Task<Dictionary<string, string>> TwoOfEveryListAsync()
    {
        var (_, admin) = await CreateCustomerAsync("First");
        await CreateCustomerAsync("Second");
        foreach (var name in (string[])["one", "two"])
        {
            Assert.That((await SendAsync(HttpMethod.Post, "/v1.0/outplans", admin, OutplanTestData.CreateBody(name))).Status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That((await SendAsync(HttpMethod.Post, "/v1.0/users", admin,
                new JsonObject { ["username"] = $"user-{name}", ["password"] = "at least ten characters", ["permission"] = "planner" })).Status, Is.EqualTo(HttpStatusCode.OK));
        }

        Assert.That((await SendAsync(HttpMethod.Post, "/v1.0/accesskeys", admin, new JsonObject { ["name"] = "second" })).Status, Is.EqualTo(HttpStatusCode.OK));
        return Lists.ToDictionary(list => list, list => list == "/v1.0/customers" ? AniPlannerFactory.AdminKey : admin);
    }
}
