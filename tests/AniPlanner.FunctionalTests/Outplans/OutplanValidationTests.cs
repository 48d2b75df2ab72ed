using System.Net;
using System.Text.Json.Nodes;
using AniPlanner.FunctionalTests.Infrastructure;

namespace AniPlanner.FunctionalTests.Outplans;

/// <summary>Every bad input is a 400 in the error envelope with a message saying what to fix.</summary>
public sealed class OutplanValidationTests(DatabaseKind kind) : ApiTestBase(kind)
{
    [TestCase("dial_timeout", 30, "did you mean 30000?")]
    [TestCase("try_interval", 60, "did you mean 60000?")]
    [TestCase("dial_timeout", 0, "positive number of milliseconds")]
    [TestCase("dial_timeout", 600001, "at most 600000 milliseconds (10 minutes)")]
    [TestCase("try_interval", 2592000001, "at most 2592000000 milliseconds (30 days)")]
    [TestCase("max_try_count_2", 101, "max_try_count_2 must be between 0 and 100")]
    [TestCase("max_try_count_0", -1, "max_try_count_0 must be between 0 and 100")]
    public async Task Out_of_range_dial_info_is_rejected_with_an_actionable_message(string field, long value, string message)
    {
        var (_, token) = await CreateCustomerAsync();
        var body = OutplanTestData.CreateBody();
        body[field] = value;

        AssertError(await SendAsync(HttpMethod.Post, "/v1.0/outplans", token, body), HttpStatusCode.BadRequest, "INVALID_ARGUMENT", "VALIDATION_FAILED", message);
    }

    [TestCase("dial_timeout")]
    [TestCase("try_interval")]
    public async Task Timings_are_required_on_create_and_on_dial_info(string field)
    {
        var (_, token) = await CreateCustomerAsync();
        var body = OutplanTestData.CreateBody();
        body.Remove(field);

        AssertError(await SendAsync(HttpMethod.Post, "/v1.0/outplans", token, body), HttpStatusCode.BadRequest, "INVALID_ARGUMENT", "VALIDATION_FAILED",
            $"{field} is required");

        var id = (await SendAsync(HttpMethod.Post, "/v1.0/outplans", token, OutplanTestData.CreateBody())).Body!["id"]!.GetValue<string>();
        AssertError(await SendAsync(HttpMethod.Put, $"/v1.0/outplans/{id}/dial_info", token, body), HttpStatusCode.BadRequest, "INVALID_ARGUMENT",
            "VALIDATION_FAILED", $"{field} is required");
    }

    [TestCase("tel", "5559876543", "must be an E.164 number")]
    [TestCase("tel", "+1 555 987 6543", "must be an E.164 number")]
    [TestCase("tel", "+1555", "too short")]
    [TestCase("tel", "+999123456789", "known country calling code")]
    [TestCase("fax", "+15559876543", "source.type must be one of agent, ai, ai_team, conference, email, extension, line, sip, tel, web_session, webchat, whatsapp")]
    [TestCase("TEL", "+15559876543", "source.type must be one of")]
    [TestCase("", "2000@example.sip.voipbin.net", "without a source.type, so it must be a phone number")]
    [TestCase("", "+1555", "without a source.type, so it must be a phone number (a tel address), but '+1555' is too short")]
    [TestCase("tel", "", "source.target is required")]
    [TestCase("email", "not-an-email", "is not an email address")]
    [TestCase("sip", "2000", "is not a SIP address: user@domain")]
    [TestCase("whatsapp", "821012345678", "must be an E.164 number")]
    [TestCase("agent", "not-a-uuid", "must be the id of the agent it names: a UUID")]
    [TestCase("ai_team", "00000000-0000-0000-0000-000000000000", "must be the id of the ai team it names")]
    [TestCase("extension", "2000", "must be the id of the extension it names")]
    public async Task A_bad_source_address_is_rejected(string type, string target, string message)
    {
        var (_, token) = await CreateCustomerAsync();
        var body = OutplanTestData.CreateBody();
        body["source"] = new JsonObject { ["type"] = type, ["target"] = target };

        AssertError(await SendAsync(HttpMethod.Post, "/v1.0/outplans", token, body), HttpStatusCode.BadRequest, "INVALID_ARGUMENT", "VALIDATION_FAILED", message);
    }

    [Test]
    public async Task A_source_without_a_type_is_a_tel_address_when_its_target_is_a_phone_number()
    {
        var (_, token) = await CreateCustomerAsync();
        var body = OutplanTestData.CreateBody();
        body["source"] = new JsonObject { ["target"] = "+821012345678" };

        var created = await SendAsync(HttpMethod.Post, "/v1.0/outplans", token, body);
        var updated = await SendAsync(HttpMethod.Put, $"/v1.0/outplans/{created.Body!["id"]}/dial_info", token, body);

        foreach (var (status, answer) in new[] { created, updated })
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.OK), answer?.ToJsonString());
            Assert.That((answer!["source"]!["type"]!.GetValue<string>(), answer["source"]!["target"]!.GetValue<string>()), Is.EqualTo(("tel", "+821012345678")));
        }
    }

    [TestCase("tel", "+15559876543")]
    [TestCase("whatsapp", "+821012345678")]
    [TestCase("sip", "2000@example.sip.voipbin.net")]
    [TestCase("sip", "sip:alice@10.0.0.1:5060")]
    [TestCase("email", "dialer@example.com")]
    [TestCase("agent", "6f1b2a3c-4d5e-4f60-8a7b-9c0d1e2f3a4b")]
    [TestCase("ai", "6f1b2a3c-4d5e-4f60-8a7b-9c0d1e2f3a4b")]
    [TestCase("ai_team", "6f1b2a3c-4d5e-4f60-8a7b-9c0d1e2f3a4b")]
    [TestCase("conference", "6f1b2a3c-4d5e-4f60-8a7b-9c0d1e2f3a4b")]
    [TestCase("extension", "6f1b2a3c-4d5e-4f60-8a7b-9c0d1e2f3a4b")]
    [TestCase("line", "6f1b2a3c-4d5e-4f60-8a7b-9c0d1e2f3a4b")]
    [TestCase("webchat", "6f1b2a3c-4d5e-4f60-8a7b-9c0d1e2f3a4b")]
    [TestCase("web_session", "6f1b2a3c-4d5e-4f60-8a7b-9c0d1e2f3a4b")]
    [TestCase("", "")]
    public async Task Every_voipbin_address_type_is_accepted_with_a_target_of_its_kind(string type, string target)
    {
        var (_, token) = await CreateCustomerAsync();
        var body = OutplanTestData.CreateBody();
        body["source"] = new JsonObject { ["type"] = type, ["target"] = target };

        var (status, answer) = await SendAsync(HttpMethod.Post, "/v1.0/outplans", token, body);

        Assert.That(status, Is.EqualTo(HttpStatusCode.OK), answer?.ToJsonString());
        Assert.That((answer!["source"]!["type"]!.GetValue<string>(), answer["source"]!["target"]!.GetValue<string>()), Is.EqualTo((type, target)));
    }

    [Test]
    public async Task Every_failure_is_reported_at_once()
    {
        var (_, token) = await CreateCustomerAsync();

        var response = await SendAsync(HttpMethod.Post, "/v1.0/outplans", token, new JsonObject { ["dial_timeout"] = 30, ["max_try_count_3"] = 500 });

        AssertError(response, HttpStatusCode.BadRequest, "INVALID_ARGUMENT", "VALIDATION_FAILED");
        var message = response.Body!["error"]!["message"]!.GetValue<string>();
        Assert.That(message, Does.Contain("dial_timeout").And.Contain("try_interval is required").And.Contain("max_try_count_3"));
    }

    [Test]
    public async Task Overlong_names_are_rejected()
    {
        var (_, token) = await CreateCustomerAsync();

        AssertError(await SendAsync(HttpMethod.Post, "/v1.0/outplans", token, OutplanTestData.CreateBody(new string('n', 256))),
            HttpStatusCode.BadRequest, "INVALID_ARGUMENT", "VALIDATION_FAILED", "name is longer than 255 characters");
    }

    [TestCase("{\"dial_timeout\": 30000", "INVALID_JSON_BODY")]
    [TestCase("not json", "INVALID_JSON_BODY")]
    [TestCase("[]", "INVALID_JSON_BODY")]
    [TestCase("null", "INVALID_JSON_BODY")]
    [TestCase("", "INVALID_JSON_BODY")]
    [TestCase("{\"dial_timeout\": \"30000\", \"try_interval\": 60000}", "INVALID_FIELD_TYPE")]
    [TestCase("{\"dial_timeout\": 30000.5, \"try_interval\": 60000}", "INVALID_FIELD_TYPE")]
    [TestCase("{\"dial_timeout\": 30000, \"try_interval\": 60000, \"source\": \"+15559876543\"}", "INVALID_FIELD_TYPE")]
    [TestCase("{\"name\": 7, \"dial_timeout\": 30000, \"try_interval\": 60000}", "INVALID_FIELD_TYPE")]
    [TestCase("{\"dial_timeout\": 99999999999999999999999, \"try_interval\": 60000}", "INVALID_FIELD_TYPE")]
    public async Task Unreadable_json_or_wrong_types_are_400_never_500(string rawBody, string reason)
    {
        var (_, token) = await CreateCustomerAsync();

        AssertError(await SendRawAsync(HttpMethod.Post, "/v1.0/outplans", token, rawBody), HttpStatusCode.BadRequest, "INVALID_ARGUMENT", reason);
    }

    [Test]
    public async Task A_wrong_type_names_the_field_and_what_it_should_be()
    {
        var (_, token) = await CreateCustomerAsync();

        AssertError(await SendRawAsync(HttpMethod.Post, "/v1.0/outplans", token, """{"dial_timeout": "30 seconds", "try_interval": 60000}"""),
            HttpStatusCode.BadRequest, "INVALID_ARGUMENT", "INVALID_FIELD_TYPE", "dial_timeout must be a whole number");
    }

    [TestCase("""{"source": {"type": "tel", "target": 15559876543}, "dial_timeout": 30000, "try_interval": 60000}""", "INVALID_FIELD_TYPE", "source.target must be a string.")]
    [TestCase("""{"source": {"type": "tel", "target": "\udc00"}, "dial_timeout": 30000, "try_interval": 60000}""", "INVALID_JSON_BODY", "source.target is not valid Unicode text")]
    [TestCase("""{"source": {"type": "tel", "\ud800": 1}, "dial_timeout": 30000, "try_interval": 60000}""", "INVALID_JSON_BODY", "source is not valid Unicode text")]
    public async Task A_nested_field_that_cannot_be_read_is_named_by_its_path(string rawBody, string reason, string message)
    {
        var (_, token) = await CreateCustomerAsync();

        AssertError(await SendRawAsync(HttpMethod.Post, "/v1.0/outplans", token, rawBody), HttpStatusCode.BadRequest, "INVALID_ARGUMENT", reason, message);
    }

    [Test]
    public async Task A_body_that_is_not_json_is_415_in_the_envelope()
    {
        var (_, token) = await CreateCustomerAsync();

        AssertError(await SendRawAsync(HttpMethod.Post, "/v1.0/outplans", token, "name=x", "application/x-www-form-urlencoded"),
            HttpStatusCode.UnsupportedMediaType, "INVALID_ARGUMENT", "UNSUPPORTED_MEDIA_TYPE");
    }

    [Test]
    public async Task Unknown_routes_and_methods_answer_in_the_envelope()
    {
        var (_, token) = await CreateCustomerAsync();

        AssertError(await SendAsync(HttpMethod.Get, "/v1.0/outplanz", token), HttpStatusCode.NotFound, "NOT_FOUND", "ROUTE_NOT_FOUND");
        AssertError(await SendAsync(HttpMethod.Patch, "/v1.0/outplans", token), HttpStatusCode.MethodNotAllowed, "INVALID_ARGUMENT", "METHOD_NOT_ALLOWED");
    }
}
