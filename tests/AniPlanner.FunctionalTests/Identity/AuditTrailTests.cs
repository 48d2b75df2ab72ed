using System.Net;
using System.Text.Json.Nodes;
using AniPlanner.FunctionalTests.Infrastructure;
using AniPlanner.FunctionalTests.Outplans;

namespace AniPlanner.FunctionalTests.Identity;

public sealed class AuditTrailTests(DatabaseKind kind) : ApiTestBase(kind)
{
    [Test]
    public async Task Every_change_is_recorded_with_who_what_and_when_newest_first()
    {
        var (customerId, admin) = await CreateCustomerAsync();
        var keyId = (await SendAsync(HttpMethod.Get, "/v1.0/accesskeys", admin)).Body!["result"]![0]!["id"]!.GetValue<string>();
        var outplan = (await SendAsync(HttpMethod.Post, "/v1.0/outplans", admin, OutplanTestData.CreateBody())).Body!["id"]!.GetValue<string>();
        await SendAsync(HttpMethod.Put, $"/v1.0/outplans/{outplan}", admin, new JsonObject { ["name"] = "renamed" });
        await SendAsync(HttpMethod.Delete, $"/v1.0/outplans/{outplan}", admin);
        await SendAsync(HttpMethod.Put, "/ani-planner/campaigns/out-1", admin, new JsonObject { ["name"] = "Out", ["campaignType"] = "outbound" });
        await SendRawAsync(HttpMethod.Post, "/ani-planner/anis", admin, """[{"number":"+12135550100","status":"active","managed":true}]""");

        var (status, page) = await SendAsync(HttpMethod.Get, "/v1.0/audit_logs", admin);

        Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
        var entries = page!["result"]!.AsArray()
            .Select(log => $"{log!["actor_type"]}:{log["action"]}:{log["resource_type"]}:{log["resource_id"]}")
            .ToList();
        Assert.That(entries.Take(5), Is.EqualTo(new[]
        {
            "accesskey:create:ani:+12135550100",
            "accesskey:create:campaign:out-1",
            $"accesskey:delete:outplan:{outplan}",
            $"accesskey:update:outplan:{outplan}",
            $"accesskey:create:outplan:{outplan}",
        }));
        Assert.That(entries.Skip(5), Is.EquivalentTo(new[] { $"platform:create:accesskey:{keyId}", $"platform:create:customer:{customerId}" }),
            "customer and first key are written together, at one instant");
        Assert.That(page["result"]![0]!["actor_id"]!.GetValue<string>(), Is.EqualTo(keyId));
        Assert.That(page["result"]![0]!["tm_create"]!.GetValue<string>(), Does.Match(WireFormat.TimestampPattern));
    }

    [Test]
    public async Task A_customer_sees_only_its_own_trail()
    {
        var (_, first) = await CreateCustomerAsync("First");
        var (_, second) = await CreateCustomerAsync("Second");
        await SendAsync(HttpMethod.Post, "/v1.0/outplans", first, OutplanTestData.CreateBody());

        var secondTrail = (await SendAsync(HttpMethod.Get, "/v1.0/audit_logs", second)).Body!["result"]!.AsArray();

        Assert.That(secondTrail.Select(log => log!["resource_type"]!.GetValue<string>()), Is.EquivalentTo(new[] { "customer", "accesskey" }));
    }
}
