using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace AniPlanner.FunctionalTests.Infrastructure;

/// <summary>Requests and arrangements for tests that talk to a service over a plain HttpClient (a real process, or a factory's client).</summary>
public static class ServiceArrangements
{
    /// <summary>A request bearing <paramref name="token"/>, with a body when one is given.</summary>
    public static HttpRequestMessage Authorized(HttpMethod method, string url, string token, string? body = null, string contentType = "application/json")
    {
        var request = new HttpRequestMessage(method, url);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, contentType);
        }

        return request;
    }

    /// <summary>A new customer (through the platform key) with one outbound campaign, "out"; answers its access key's token.</summary>
    public static async Task<string> CustomerWithCampaignAsync(HttpClient http, string adminKey, string name)
    {
        using var create = Authorized(HttpMethod.Post, "/v1.0/customers", adminKey, new JsonObject { ["name"] = name }.ToJsonString());
        using var created = await http.SendAsync(create);
        var token = JsonNode.Parse(await created.Content.ReadAsStringAsync())!["accesskey"]!["token"]!.GetValue<string>();
        using var campaign = Authorized(HttpMethod.Put, "/ani-planner/campaigns/out", token, """{"name":"Out","campaignType":"outbound"}""");
        using var answered = await http.SendAsync(campaign);
        Assert.That(answered.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        return token;
    }

    /// <summary>Creates an outplan, asserting it is created; answers how long the request took.</summary>
    public static async Task<TimeSpan> TimedOutplanCreateAsync(HttpClient http, string token)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        using var created = await http.SendAsync(Authorized(
            HttpMethod.Post, "/v1.0/outplans", token, """{"name":"meanwhile","dial_timeout":30000,"try_interval":60000}"""));
        clock.Stop();
        Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.OK), await created.Content.ReadAsStringAsync());
        return clock.Elapsed;
    }
}
