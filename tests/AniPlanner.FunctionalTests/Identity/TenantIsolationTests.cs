using System.Net;
using System.Text.Json.Nodes;
using AniPlanner.FunctionalTests.Infrastructure;
using AniPlanner.FunctionalTests.Outplans;

namespace AniPlanner.FunctionalTests.Identity;

/// <summary>Another customer's outplan answers exactly as a missing one, and never shows in a list.</summary>
public sealed class TenantIsolationTests(DatabaseKind kind) : ApiTestBase(kind)
{
    [Test]
    public async Task Another_customers_outplan_is_404_everywhere_and_untouched()
    {
        var (_, ownerToken) = await CreateCustomerAsync("Owner");
        var (_, otherToken) = await CreateCustomerAsync("Other");
        var created = (await SendAsync(HttpMethod.Post, "/v1.0/outplans", ownerToken, OutplanTestData.CreateBody())).Body!;
        var url = $"/v1.0/outplans/{created["id"]!.GetValue<string>()}";

        var missing = await SendAsync(HttpMethod.Get, $"/v1.0/outplans/{Guid.NewGuid()}", otherToken);
        var foreign = await SendAsync(HttpMethod.Get, url, otherToken);
        AssertError(foreign, HttpStatusCode.NotFound, "NOT_FOUND", "OUTPLAN_NOT_FOUND");
        Assert.That(foreign.Body!["error"]!["reason"]!.GetValue<string>(), Is.EqualTo(missing.Body!["error"]!["reason"]!.GetValue<string>()));

        AssertError(await SendAsync(HttpMethod.Put, url, otherToken, new JsonObject { ["name"] = "hijacked" }), HttpStatusCode.NotFound, "NOT_FOUND", "OUTPLAN_NOT_FOUND");
        AssertError(await SendAsync(HttpMethod.Put, url + "/dial_info", otherToken, new JsonObject { ["dial_timeout"] = 30000, ["try_interval"] = 60000 }),
            HttpStatusCode.NotFound, "NOT_FOUND", "OUTPLAN_NOT_FOUND");
        AssertError(await SendAsync(HttpMethod.Delete, url, otherToken), HttpStatusCode.NotFound, "NOT_FOUND", "OUTPLAN_NOT_FOUND");

        var otherList = await SendAsync(HttpMethod.Get, "/v1.0/outplans", otherToken);
        Assert.That(otherList.Body!["result"]!.AsArray(), Is.Empty);

        var ownerView = await SendAsync(HttpMethod.Get, url, ownerToken);
        Assert.That(JsonNode.DeepEquals(ownerView.Body, created), Is.True, "the owner's outplan is unchanged");
    }
}
