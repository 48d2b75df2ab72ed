using System.Net;

namespace AniPlanner.FunctionalTests.Fuzzing;

/// <summary>The fuzzer is only as good as its judge: it must fail a 5xx and every 4xx outside the contract.</summary>
public sealed class ResponseOracleTests
{
    private static readonly FuzzRequest Voipbin = new("test", "POST", "/v1.0/outplans", [], null, null, Chunked: false);
    private static readonly FuzzRequest AniPlanner = new("test", "POST", "/ANI-PLANNER/generate?x=1", [], null, null, Chunked: false);

    [TestCase(HttpStatusCode.InternalServerError)]
    [TestCase(HttpStatusCode.ServiceUnavailable)]
    public void A_5xx_is_a_failure_whatever_its_body(HttpStatusCode status) =>
        Assert.That(Judge(Voipbin, status, VoipbinError), Has.Some.StartsWith($"answered {(int)status}"));

    [Test]
    public void A_4xx_in_its_contracts_envelope_passes()
    {
        Assert.That(Judge(Voipbin, HttpStatusCode.BadRequest, VoipbinError), Is.Empty);
        Assert.That(Judge(AniPlanner, HttpStatusCode.BadRequest, AniPlannerError), Is.Empty);
    }

    [TestCase("""{"success":false,"message":"x"}""", "not VoIPBIN's error envelope")]
    [TestCase("""{"error":{"status":"INVALID_ARGUMENT","reason":"X","message":"x","request_id":"other"}}""", "is not X-Request-Id")]
    [TestCase("""{"type":"https://tools.ietf.org/html/rfc9110#section-15.5.1","title":"Bad Request","status":400}""", "not VoIPBIN's error envelope")]
    [TestCase("<html>Bad Request</html>", "not a JSON object")]
    [TestCase("", "not a JSON object")]
    public void A_4xx_outside_the_voipbin_envelope_fails(string body, string problem) =>
        Assert.That(Judge(Voipbin, HttpStatusCode.BadRequest, body), Has.Some.Contains(problem));

    [Test]
    public void An_ani_planner_4xx_in_the_voipbin_envelope_fails() =>
        Assert.That(Judge(AniPlanner, HttpStatusCode.NotFound, VoipbinError), Has.Some.Contains("not the ANI Planner's envelope"));

    [Test]
    public void A_4xx_that_is_not_json_fails() =>
        Assert.That(Judge(Voipbin, HttpStatusCode.BadRequest, VoipbinError, "text/html"), Has.Some.Contains("not application/json"));

    [Test]
    public void Echoing_a_huge_value_whole_fails()
    {
        var body = $$"""{"success":false,"message":"dateStart '{{HostileInputs.Huge(5_000)}}' is not a date"}""";

        Assert.That(Judge(AniPlanner, HttpStatusCode.BadRequest, body), Has.Some.Contains("echoed back whole").And.Some.Contains("a message of 5,"));
    }

    [Test]
    public void An_answer_without_nosniff_or_a_policy_fails()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("{}") };

        Assert.That(ResponseOracle.Problems(Voipbin, response, "{}"), Is.EquivalentTo(new[] { "no X-Content-Type-Options: nosniff", "no Content-Security-Policy" }));
    }

    private const string VoipbinError = """{"error":{"status":"INVALID_ARGUMENT","reason":"X","message":"x","request_id":"r1"}}""";
    private const string AniPlannerError = """{"success":false,"message":"x"}""";

    /// <summary>The oracle's verdict on an answer with the headers the service sends on every answer.</summary>
    private static IReadOnlyList<string> Judge(FuzzRequest request, HttpStatusCode status, string body, string contentType = "application/json")
    {
        using var response = new HttpResponseMessage(status) { Content = new StringContent(body) };
        response.Content.Headers.ContentType = new(contentType);
        response.Headers.Add("X-Request-Id", "r1");
        response.Headers.Add("X-Content-Type-Options", "nosniff");
        response.Headers.Add("Content-Security-Policy", "default-src 'none'");
        return ResponseOracle.Problems(request, response, body);
    }
}
