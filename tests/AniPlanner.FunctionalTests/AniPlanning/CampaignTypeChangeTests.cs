using System.Net;
using System.Text.Json.Nodes;
using AniPlanner.FunctionalTests.Infrastructure;

namespace AniPlanner.FunctionalTests.AniPlanning;

public sealed class CampaignTypeChangeTests(DatabaseKind kind) : ApiTestBase(kind)
{
    [Test]
    public async Task An_outbound_campaign_with_dials_cannot_turn_inbound_but_one_without_can()
    {
        var (_, token) = await CreateCustomerAsync();
        var outbound = new JsonObject { ["name"] = "Out", ["campaignType"] = "outbound" };
        Assert.That((await SendAsync(HttpMethod.Put, "/ani-planner/campaigns/with-dials", token, outbound)).Status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await SendAsync(HttpMethod.Put, "/ani-planner/campaigns/no-dials", token, outbound.DeepClone())).Status, Is.EqualTo(HttpStatusCode.OK));
        var dial = await SendRawAsync(HttpMethod.Post, "/ani-planner/dials", token,
            """[{"callId":"c1","campaign":"with-dials","dialedAt":"2026-05-04T10:00:00Z","prospectNumber":"+12135550123","aniNumber":"+12135550100","contacted":false}]""");
        Assert.That(dial.Body!["data"]!["accepted"]!.GetValue<long>(), Is.EqualTo(1));

        var refused = await SendAsync(HttpMethod.Put, "/ani-planner/campaigns/with-dials", token, new JsonObject { ["name"] = "Out", ["campaignType"] = "inbound" });
        var allowed = await SendAsync(HttpMethod.Put, "/ani-planner/campaigns/no-dials", token, new JsonObject { ["name"] = "Now inbound", ["campaignType"] = "inbound" });

        Assert.That(refused.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(refused.Body!["success"]!.GetValue<bool>(), Is.False);
        Assert.That(refused.Body["message"]!.GetValue<string>(), Does.Contain("'with-dials' has dials"));
        Assert.That(allowed.Status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(allowed.Body!["data"]!["campaignType"]!.GetValue<string>(), Is.EqualTo("inbound"));
    }
}
