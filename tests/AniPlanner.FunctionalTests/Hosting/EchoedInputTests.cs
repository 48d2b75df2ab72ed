using System.Net;
using System.Text.Json.Nodes;
using AniPlanner.FunctionalTests.Infrastructure;

namespace AniPlanner.FunctionalTests.Hosting;

/// <summary>
/// Errors quote the caller's value so they can be acted on, but a huge value is never reflected
/// back whole: it is cut at 100 characters and an ellipsis, a message at 2,000. Always as a
/// JSON string in a JSON answer, never as HTML.
/// </summary>
public sealed class EchoedInputTests(DatabaseKind kind) : ApiTestBase(kind)
{
    private static readonly string Huge = new('x', 5_000);
    private static readonly string Echoed = $"'{new string('x', 100)}…'";

    [Test]
    public async Task A_huge_path_id_is_echoed_cut()
    {
        var (_, token) = await CreateCustomerAsync();

        AssertError(await SendAsync(HttpMethod.Get, $"/v1.0/outplans/{Huge}", token), HttpStatusCode.BadRequest, "INVALID_ARGUMENT", "INVALID_ID", $"{Echoed} is not a valid outplan id");
    }

    [Test]
    public async Task A_huge_field_value_is_echoed_cut()
    {
        var (_, token) = await CreateCustomerAsync();

        var (status, body) = await SendAsync(HttpMethod.Post, "/ani-planner/generate", token, new JsonObject { ["dateStart"] = Huge });

        Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(body!["message"]!.GetValue<string>(), Is.EqualTo($"dateStart {Echoed} is not a date: use YYYY-MM-DD."));
    }

    [Test]
    public async Task A_huge_query_value_that_does_not_bind_is_echoed_cut()
    {
        var (_, token) = await CreateCustomerAsync();

        var (status, body) = await SendAsync(HttpMethod.Get, $"/ani-planner/anis?page={Huge}", token);

        Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(body!["message"]!.GetValue<string>(), Is.EqualTo($"page: The value {Echoed} is not valid."));
    }

    [Test]
    public async Task A_huge_unknown_route_is_echoed_cut()
    {
        var (_, token) = await CreateCustomerAsync();

        AssertError(await SendAsync(HttpMethod.Get, $"/v1.0/{Huge}", token), HttpStatusCode.NotFound, "NOT_FOUND", "ROUTE_NOT_FOUND", $"/v1.0/{new string('x', 94)}…");
    }

    [Test]
    public async Task A_message_listing_many_values_stops_at_2000_characters()
    {
        var (_, token) = await CreateCustomerAsync();
        var unknown = new JsonArray([.. Enumerable.Range(0, 1_000).Select(index => (JsonNode)$"unknown-campaign-{index:D4}-{new string('c', 60)}")]);

        var (status, body) = await SendAsync(HttpMethod.Post, "/ani-planner/generate", token, new JsonObject { ["campaigns"] = unknown });

        Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
        var message = body!["message"]!.GetValue<string>();
        Assert.That(message, Has.Length.EqualTo(2_001).And.EndsWith("…").And.StartsWith("campaigns: 'unknown-campaign-0000-"));
    }

    [Test]
    public async Task Markup_in_a_value_comes_back_as_a_json_string_never_as_a_page()
    {
        var (_, token) = await CreateCustomerAsync();

        using var response = await Client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/ani-planner/regions?country=%3Cscript%3Ealert(1)%3C/script%3E")
        {
            Headers = { Authorization = new("Bearer", token), Accept = { new("text/html") } },
        });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/json"));
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.That(body["message"]!.GetValue<string>(), Does.Contain("got '<script>alert(1)</script>'"));
    }
}
