using System.Net;
using System.Text.Json.Nodes;
using AniPlanner.FunctionalTests.Infrastructure;

namespace AniPlanner.FunctionalTests.AniPlanning;

/// <summary>
/// Base of the ANI Planner tests: arranges campaigns, ANIs and dials through the API and reads
/// plans back. The service's clock is pinned to 2026-06-15 12:00 UTC (a Monday) unless a test
/// pins another time, so dials in May 2026 are never "in the future" and defaults are fixed.
/// </summary>
/// <remarks>
/// May 2026 calendar, used throughout: Fri 1, Sat 2, Sun 3, Mon 4 .. Fri 8, Sat 9, Sun 10,
/// Mon 11 .. Fri 15, Sat 16, Sun 17, Mon 18 .. Fri 22, Sat 23, Sun 24, Mon 25 .. Fri 29, Sat 30, Sun 31.
/// </remarks>
public abstract class AniPlanningTestBase(DatabaseKind kind) : ApiTestBase(kind)
{
    protected const string Url = "/ani-planner";

    /// <summary>Monday 2026-06-15, noon UTC.</summary>
    protected static readonly DateTimeOffset MidJune = new(2026, 6, 15, 12, 0, 0, TimeSpan.Zero);

    [SetUp]
    public void PinClockAfterTheData() => Factory.Clock.Pin(MidJune);

    protected async Task<string> NewCompanyAsync(string name = "Acme Dialers") => (await CreateCustomerAsync(name)).Token;

    // ---- campaigns ------------------------------------------------------------------------

    protected static JsonObject CampaignBody(string name, string type, params string[] inbound) => new()
    {
        ["name"] = name,
        ["campaignType"] = type,
        ["inboundCampaigns"] = new JsonArray([.. inbound.Select(identifier => (JsonNode)identifier)]),
    };

    /// <summary>Creates or updates a campaign, asserting success; answers the campaign.</summary>
    protected async Task<JsonNode> PutCampaignAsync(string token, string identifier, string type = "outbound", string? name = null, params string[] inbound)
    {
        var (status, body) = await SendAsync(HttpMethod.Put, $"{Url}/campaigns/{identifier}", token, CampaignBody(name ?? identifier, type, inbound));
        Assert.That(status, Is.EqualTo(HttpStatusCode.OK), body?.ToJsonString());
        Assert.That(body!["success"]!.GetValue<bool>(), Is.True);
        return body["data"]!;
    }

    protected async Task<long> CampaignIdAsync(string token, string identifier, string type = "outbound", string? name = null, params string[] inbound) =>
        (await PutCampaignAsync(token, identifier, type, name, inbound))["id"]!.GetValue<long>();

    // ---- ANIs -----------------------------------------------------------------------------

    protected static JsonObject Ani(string number, string status = "active", bool managed = true) =>
        new() { ["number"] = number, ["status"] = status, ["managed"] = managed };

    /// <summary>Upserts ANIs, asserting every one is accepted.</summary>
    protected async Task PutAnisAsync(string token, params JsonObject[] anis)
    {
        var (status, body) = await SendAsync(HttpMethod.Post, $"{Url}/anis", token, new JsonArray([.. anis.Select(ani => ani.DeepClone())]));
        Assert.That(status, Is.EqualTo(HttpStatusCode.OK), body?.ToJsonString());
        Assert.That(body!["data"]!["rejected"]!.AsArray(), Is.Empty, body.ToJsonString());
        Assert.That(body["data"]!["upserted"]!.GetValue<int>(), Is.EqualTo(anis.Length));
    }

    // ---- dials ----------------------------------------------------------------------------

    /// <summary>One dial record; the ANI defaults to a Los Angeles number and the campaign to "sales".</summary>
    protected static JsonObject Dial(
        string callId, string prospect, string dialedAt, bool contacted = false, string ani = "+12135550100", string campaign = "sales", string? zip = null)
    {
        var dial = new JsonObject
        {
            ["callId"] = callId,
            ["campaign"] = campaign,
            ["dialedAt"] = dialedAt,
            ["prospectNumber"] = prospect,
            ["aniNumber"] = ani,
            ["contacted"] = contacted,
        };
        if (zip is not null)
        {
            dial["prospectZip"] = zip;
        }

        return dial;
    }

    /// <summary>
    /// <paramref name="count"/> dials with call ids "{prefix}-0".."{prefix}-{count-1}"; the first
    /// <paramref name="contacted"/> of them reached the prospect.
    /// </summary>
    protected static IEnumerable<JsonObject> Dials(
        string prefix, int count, string prospect, string dialedAt, int contacted = 0, string ani = "+12135550100", string campaign = "sales", string? zip = null) =>
        Enumerable.Range(0, count).Select(index => Dial($"{prefix}-{index}", prospect, dialedAt, index < contacted, ani, campaign, zip));

    protected Task<(HttpStatusCode Status, JsonNode? Body)> PostDialsAsync(string token, IEnumerable<JsonObject> dials) =>
        SendAsync(HttpMethod.Post, $"{Url}/dials", token, new JsonArray([.. dials.Select(dial => dial.DeepClone())]));

    /// <summary>Imports dials as a JSON array, asserting all of them are new and none rejected.</summary>
    protected async Task ImportAsync(string token, IEnumerable<JsonObject> dials)
    {
        var list = dials.ToList();
        var (status, body) = await PostDialsAsync(token, list);
        Assert.That(status, Is.EqualTo(HttpStatusCode.OK), body?.ToJsonString());
        var data = body!["data"]!;
        Assert.That(data["rejected"]!.AsArray(), Is.Empty, data.ToJsonString());
        Assert.That(data["accepted"]!.GetValue<long>(), Is.EqualTo(list.Count), data.ToJsonString());
    }

    protected Task ImportAsync(string token, params JsonObject[] dials) => ImportAsync(token, (IEnumerable<JsonObject>)dials);

    // ---- plans ----------------------------------------------------------------------------

    protected static JsonObject Range(string dateStart, string dateEnd) => new() { ["dateStart"] = dateStart, ["dateEnd"] = dateEnd };

    /// <summary>Generates a plan, asserting success; answers its data.</summary>
    protected async Task<JsonNode> GenerateAsync(string token, JsonObject? body = null)
    {
        var (status, answer) = await SendAsync(HttpMethod.Post, $"{Url}/generate", token, body ?? new JsonObject());
        Assert.That(status, Is.EqualTo(HttpStatusCode.OK), answer?.ToJsonString());
        Assert.That(answer!["success"]!.GetValue<bool>(), Is.True);
        return answer["data"]!;
    }

    /// <summary>A regionStats row as the contract shows it, field for field.</summary>
    protected static JsonObject Row(string region, string state, string[] areaCodes, int dailyDialsAverage, int currentAnis, int proposedAnis, int difference) => new()
    {
        ["region"] = region,
        ["state"] = state,
        ["areaCodes"] = new JsonArray([.. areaCodes.Select(code => (JsonNode)code)]),
        ["dailyDialsAverage"] = dailyDialsAverage,
        ["currentAnis"] = currentAnis,
        ["proposedAnis"] = proposedAnis,
        ["difference"] = difference,
    };

    /// <summary>The plan's rows are exactly these, in this order.</summary>
    protected static void AssertRows(JsonNode plan, params JsonObject[] expected) =>
        Assert.That(plan["regionStats"]!.ToJsonString(), Is.EqualTo(new JsonArray([.. expected]).ToJsonString()));

    /// <summary>The plan's totals, each computed by hand in the test.</summary>
    protected static void AssertTotals(
        JsonNode plan, long totalDials, long totalContacts, decimal overallContactRate, int totalCurrentAnis, int totalProposedAnis, int aniDifference, long unmappedDials) =>
        Assert.Multiple(() =>
        {
            Assert.That(plan["totalDials"]!.GetValue<long>(), Is.EqualTo(totalDials), "totalDials");
            Assert.That(plan["totalContacts"]!.GetValue<long>(), Is.EqualTo(totalContacts), "totalContacts");
            Assert.That(plan["overallContactRate"]!.GetValue<decimal>(), Is.EqualTo(overallContactRate), "overallContactRate");
            Assert.That(plan["totalCurrentAnis"]!.GetValue<int>(), Is.EqualTo(totalCurrentAnis), "totalCurrentAnis");
            Assert.That(plan["totalProposedAnis"]!.GetValue<int>(), Is.EqualTo(totalProposedAnis), "totalProposedAnis");
            Assert.That(plan["aniDifference"]!.GetValue<int>(), Is.EqualTo(aniDifference), "aniDifference");
            Assert.That(plan["unmappedDials"]!.GetValue<long>(), Is.EqualTo(unmappedDials), "unmappedDials");
        });

    /// <summary>A failure in the ANI Planner's envelope: the status, success false, and a message containing each fragment.</summary>
    protected static void AssertFailure((HttpStatusCode Status, JsonNode? Body) response, HttpStatusCode status, params string[] messageContains)
    {
        Assert.That(response.Status, Is.EqualTo(status), response.Body?.ToJsonString());
        Assert.That(response.Body, Is.Not.Null, "no body");
        Assert.That(WireFormat.Keys(response.Body!), Is.EqualTo(new[] { "success", "message" }), response.Body!.ToJsonString());
        Assert.Multiple(() =>
        {
            Assert.That(response.Body!["success"]!.GetValue<bool>(), Is.False);
            var message = response.Body["message"]!.GetValue<string>();
            Assert.That(message, Is.Not.Empty);
            foreach (var fragment in messageContains)
            {
                Assert.That(message, Does.Contain(fragment));
            }
        });
    }

    protected static long[] Longs(JsonNode? array) => [.. array!.AsArray().Select(item => item!.GetValue<long>())];

    protected static string[] Strings(JsonNode? array) => [.. array!.AsArray().Select(item => item!.GetValue<string>())];
}
