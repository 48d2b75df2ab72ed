using System.Net;
using AniPlanner.FunctionalTests.Infrastructure;

namespace AniPlanner.FunctionalTests.AniPlanning;

/// <summary>
/// Errors under /ani-planner answer in the ANI Planner's envelope, word for word, whoever writes
/// them: the exception handler (a dial body that is not a JSON array), routing (a content type,
/// method or path that has no endpoint), and MVC elsewhere in VoIPBIN's.
/// </summary>
public sealed class AniPlannerErrorAnswerTests(DatabaseKind kind) : AniPlanningTestBase(kind)
{
    [TestCase("{}", "The request body must be a JSON array.")]
    [TestCase("\"dials\"", "The request body must be a JSON array.")]
    [TestCase("xyz", "The request body is not valid JSON: 'x' is an invalid start of a value.")]
    [TestCase("[{\"callId\":\"1\"}", "The request body is not valid JSON: Expected depth to be zero at the end of the JSON payload. There is an open JSON object or array that should be closed.")]
    public async Task A_dial_body_that_is_not_a_JSON_array_is_400_saying_so(string body, string message)
    {
        var token = await NewCompanyAsync();

        var response = await SendRawAsync(HttpMethod.Post, $"{Url}/dials", token, body);

        AssertFailure(response, HttpStatusCode.BadRequest);
        Assert.That(response.Body!["message"]!.GetValue<string>(), Is.EqualTo(message));
    }

    [Test]
    public async Task A_dial_import_in_a_type_routing_refuses_is_415_listing_the_dial_formats()
    {
        var token = await NewCompanyAsync();

        var response = await SendRawAsync(HttpMethod.Post, $"{Url}/dials", token, "callId", "text/plain");

        AssertFailure(response, HttpStatusCode.UnsupportedMediaType);
        Assert.That(response.Body!["message"]!.GetValue<string>(), Is.EqualTo(
            "Content-Type 'text/plain; charset=utf-8' is not accepted here. Send dials as UTF-8, with Content-Type application/json (a JSON array), " +
            "application/x-ndjson or text/csv (a charset, if given, must be utf-8)."));
    }

    [Test]
    public async Task A_JSON_endpoint_in_a_type_it_does_not_read_is_415_asking_for_JSON()
    {
        var token = await NewCompanyAsync();

        var response = await SendRawAsync(HttpMethod.Put, $"{Url}/settings", token, "country=us", "text/plain");

        AssertFailure(response, HttpStatusCode.UnsupportedMediaType);
        Assert.That(response.Body!["message"]!.GetValue<string>(), Is.EqualTo(
            "Content-Type 'text/plain; charset=utf-8' is not accepted here. Send the body as UTF-8 JSON, with Content-Type application/json (a charset, if given, must be utf-8)."));
    }

    [TestCase("GET", "/ani-planner/nowhere", HttpStatusCode.NotFound, "There is no endpoint at /ani-planner/nowhere.")]
    [TestCase("GET", "/ANI-PLANNER/Nowhere/", HttpStatusCode.NotFound, "There is no endpoint at /ANI-PLANNER/Nowhere/.")]
    [TestCase("PATCH", "/ani-planner/generate", HttpStatusCode.MethodNotAllowed, "PATCH is not supported on /ani-planner/generate.")]
    [TestCase("DELETE", "/ani-planner/dials", HttpStatusCode.MethodNotAllowed, "DELETE is not supported on /ani-planner/dials.")]
    public async Task A_path_or_method_without_an_endpoint_answers_in_the_ANI_Planners_envelope(string method, string url, HttpStatusCode status, string message)
    {
        var token = await NewCompanyAsync();

        var response = await SendRawAsync(new HttpMethod(method), url, token, rawBody: null);

        AssertFailure(response, status);
        Assert.That(response.Body!["message"]!.GetValue<string>(), Is.EqualTo(message));
    }

    [Test]
    public async Task The_same_faults_outside_the_ANI_Planner_answer_in_VoIPBINs_envelope()
    {
        var token = await NewCompanyAsync();

        AssertError(await SendRawAsync(HttpMethod.Get, "/ani-plannerx/generate", token, rawBody: null), HttpStatusCode.NotFound, "NOT_FOUND", "ROUTE_NOT_FOUND");
        AssertError(
            await SendRawAsync(HttpMethod.Post, "/v1.0/outplans", token, "name=x", "text/plain"), HttpStatusCode.UnsupportedMediaType, "INVALID_ARGUMENT",
            "UNSUPPORTED_MEDIA_TYPE", "Send the body as UTF-8 JSON, with Content-Type application/json");
    }
}
