using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using AniPlanner.FunctionalTests.Infrastructure;

namespace AniPlanner.FunctionalTests.Hosting;

/// <summary>
/// Bodies the service cannot read are the caller's fault and say what to send: a charset other
/// than UTF-8 or a Content-Type that does not parse is a 415, bytes that are not UTF-8 a 400, a
/// dial import without a format it reads a 415 listing the three. None of them is a 500.
/// </summary>
public sealed class RequestBodyEncodingTests(DatabaseKind kind) : ApiTestBase(kind)
{
    private const string OutplanBody = """{"name":"x","dial_timeout":30000,"try_interval":60000}""";

    [TestCase("application/json; charset=utf-16")]
    [TestCase("application/json; charset=utf-32")]
    [TestCase("application/json; charset=iso-8859-1")]
    [TestCase("application/json; charset=bogus")]
    [TestCase("application/json; charset=")]
    [TestCase("application/json; charset=\"unterminated")]
    [TestCase("application/json;;;")]
    public async Task A_body_in_a_charset_other_than_utf8_is_415_saying_to_send_utf8(string contentType)
    {
        var (_, token) = await CreateCustomerAsync();

        // An odd number of bytes: no UTF-16 decoder could read it, and MVC used to try (and answer 500).
        var (status, body) = await SendBytesAsync(HttpMethod.Post, "/v1.0/outplans", token, Encoding.UTF8.GetBytes("{\"a\":1}"), contentType);

        AssertError((status, body), HttpStatusCode.UnsupportedMediaType, "INVALID_ARGUMENT", "UNSUPPORTED_MEDIA_TYPE", "Send the body as UTF-8 JSON");
        Assert.That(body!["error"]!["message"]!.GetValue<string>(), Does.Contain("a charset, if given, must be utf-8"));
    }

    [Test]
    public async Task Login_without_a_credential_gets_the_same_415()
    {
        var (status, body) = await SendBytesAsync(HttpMethod.Post, "/auth/login", null, Encoding.Unicode.GetBytes("{\"username\":\"x\"}")[..^1], "application/json; charset=utf-16");

        AssertError((status, body), HttpStatusCode.UnsupportedMediaType, "INVALID_ARGUMENT", "UNSUPPORTED_MEDIA_TYPE", "UTF-8");
    }

    [Test]
    public async Task The_ani_planner_answers_the_415_in_its_own_envelope()
    {
        var (_, token) = await CreateCustomerAsync();

        var (status, body) = await SendBytesAsync(HttpMethod.Post, "/ani-planner/generate", token, [0x7B, 0x00, 0x7D], "application/json; charset=utf-16");

        Assert.That(status, Is.EqualTo(HttpStatusCode.UnsupportedMediaType));
        Assert.That(body!["success"]!.GetValue<bool>(), Is.False);
        Assert.That(body["message"]!.GetValue<string>(), Does.Contain("UTF-8"));
    }

    [TestCase("application/json; charset=utf-8")]
    [TestCase("application/json; charset=UTF-8")]
    [TestCase("application/json; charset=\"utf-8\"")]
    [TestCase("application/json")]
    public async Task Utf8_in_any_spelling_is_read(string contentType)
    {
        var (_, token) = await CreateCustomerAsync();

        var (status, body) = await SendBytesAsync(HttpMethod.Post, "/v1.0/outplans", token, Encoding.UTF8.GetBytes(OutplanBody), contentType);

        Assert.That(status, Is.EqualTo(HttpStatusCode.OK), body?.ToJsonString());
    }

    [Test]
    public async Task A_utf8_byte_order_mark_is_read_past()
    {
        var (_, token) = await CreateCustomerAsync();

        var (status, body) = await SendBytesAsync(HttpMethod.Post, "/v1.0/outplans", token, [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(OutplanBody)], "application/json");

        Assert.That(status, Is.EqualTo(HttpStatusCode.OK), body?.ToJsonString());
    }

    [Test]
    public async Task Bytes_that_are_not_utf8_are_400_not_a_wrong_type()
    {
        var (_, token) = await CreateCustomerAsync();
        byte[] invalid = [.. Encoding.UTF8.GetBytes("{\"name\":\""), 0xFF, 0xFE, .. Encoding.UTF8.GetBytes("\",\"dial_timeout\":30000,\"try_interval\":60000}")];

        AssertError(await SendBytesAsync(HttpMethod.Post, "/v1.0/outplans", token, invalid, "application/json"),
            HttpStatusCode.BadRequest, "INVALID_ARGUMENT", "INVALID_JSON_BODY", "not valid UTF-8");
    }

    [TestCase("\\ud800")]
    [TestCase("\\udc00x")]
    public async Task A_lone_surrogate_escape_is_400_naming_the_field(string escape)
    {
        var (_, token) = await CreateCustomerAsync();

        AssertError(await SendRawAsync(HttpMethod.Post, "/v1.0/outplans", token, $$"""{"name":"{{escape}}","dial_timeout":30000,"try_interval":60000}"""),
            HttpStatusCode.BadRequest, "INVALID_ARGUMENT", "INVALID_JSON_BODY", "name is not valid Unicode text");
    }

    [TestCase("""{"dial_timeout":1e400,"try_interval":60000}""", "INVALID_FIELD_TYPE")]
    [TestCase("""{"dial_timeout":99999999999999999999999999,"try_interval":60000}""", "INVALID_FIELD_TYPE")]
    [TestCase("""{"dial_timeout":NaN,"try_interval":60000}""", "INVALID_JSON_BODY")]
    [TestCase("""{"name":{"a":{"a":{"a":{"a":{"a":{"a":{"a":{"a":{"a":{"a":{"a":{"a":{"a":{"a":{"a":{"a":{"a":{"a":{"a":{"a":{"a":{"a":{"a":{"a":{"a":{"a":{"a":{"a":{"a":{"a":{"a":{"a":{"a":1}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}""", "INVALID_JSON_BODY")]
    [TestCase("null", "INVALID_JSON_BODY")]
    [TestCase("", "INVALID_JSON_BODY")]
    public async Task Odd_json_is_a_400_in_the_envelope(string json, string reason)
    {
        var (_, token) = await CreateCustomerAsync();

        AssertError(await SendRawAsync(HttpMethod.Post, "/v1.0/outplans", token, json), HttpStatusCode.BadRequest, "INVALID_ARGUMENT", reason);
    }

    /// <summary>PostgreSQL cannot store a NUL: once a 500 there (login included) and stored elsewhere; now refused on every database.</summary>
    [TestCase("POST", "/auth/login", """{"username":"a\u0000b","password":"whatever it is"}""", "username must not contain the NUL character")]
    [TestCase("POST", "/v1.0/outplans", """{"name":"\u0000","dial_timeout":30000,"try_interval":60000}""", "name must not contain the NUL character")]
    [TestCase("POST", "/v1.0/outplans", """{"source":{"type":"tel","target":"+1555\u00009876543"},"dial_timeout":30000,"try_interval":60000}""", "source.target must not contain")]
    [TestCase("POST", "/ani-planner/generate", """{"campaigns":["out","x\u0000"]}""", "campaigns[1] must not contain the NUL character")]
    public async Task A_nul_character_in_any_json_string_is_400_on_every_database(string method, string url, string json, string message)
    {
        var (_, token) = await CreateCustomerAsync();

        var (status, body) = await SendRawAsync(new HttpMethod(method), url, token, json);

        Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest), body?.ToJsonString());
        Assert.That((body!["error"]?["message"] ?? body["message"])!.GetValue<string>(), Does.Contain(message));
    }

    [TestCase("text/csv", "callId,campaign,dialedAt,prospectNumber,aniNumber,contacted\na\u0000b,out,2026-05-04T10:00:00-07:00,+12135550123,+12135550100,true\n")]
    [TestCase("application/json", """[{"callId":"a\u0000b","campaign":"out","dialedAt":"2026-05-04T10:00:00-07:00","prospectNumber":"+12135550123","aniNumber":"+12135550100","contacted":true}]""")]
    public async Task A_nul_character_in_a_dial_file_is_never_a_500(string contentType, string dials)
    {
        var (_, token) = await CreateCustomerAsync();
        await SendRawAsync(HttpMethod.Put, "/ani-planner/campaigns/out", token, """{"name":"Out","campaignType":"outbound"}""");

        var (status, body) = await SendRawAsync(HttpMethod.Post, "/ani-planner/dials", token, dials, contentType);

        // The import reads dials itself: a database that cannot store the NUL (PostgreSQL) refuses the import, saying why.
        Assert.That((int)status, Is.LessThan(500), body?.ToJsonString());
        if (status == HttpStatusCode.BadRequest)
        {
            Assert.That(body!["message"]!.GetValue<string>(), Does.Contain("NUL character"));
        }
    }

    /// <summary>No endpoint takes a form; MVC used to parse one anyway, and a field named "[" threw (500).</summary>
    [TestCase("application/x-www-form-urlencoded", "[")]
    [TestCase("application/x-www-form-urlencoded", "a[b=1&name=x")]
    [TestCase("multipart/form-data; boundary=x", "--x\r\nContent-Disposition: form-data; name=\"[\"\r\n\r\n1\r\n--x--\r\n")]
    public async Task A_form_is_415_whatever_its_fields(string contentType, string form)
    {
        var (_, token) = await CreateCustomerAsync();

        var (status, body) = await SendBytesAsync(HttpMethod.Post, "/ani-planner/generate", token, Encoding.UTF8.GetBytes(form), contentType);

        Assert.That(status, Is.EqualTo(HttpStatusCode.UnsupportedMediaType), body?.ToJsonString());
        Assert.That(body!["message"]!.GetValue<string>(), Does.Contain("Send the body as UTF-8 JSON"));
    }

    [Test]
    public async Task A_lone_surrogate_escape_in_a_dial_record_is_400_not_500()
    {
        var (_, token) = await CreateCustomerAsync();

        var (status, body) = await SendRawAsync(HttpMethod.Post, "/ani-planner/dials", token, """[{"callId":"\udc00\ud800","campaign":"out"}]""");

        Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest), body?.ToJsonString());
        Assert.That(body!["message"]!.GetValue<string>(), Does.Contain("not valid Unicode text"));
    }

    [TestCase(null)]
    [TestCase("application/problem+json")]
    [TestCase("text/csv; charset=utf-16")]
    [TestCase("application/x-ndjson; charset=latin1")]
    public async Task A_dial_import_in_no_format_it_reads_is_415_listing_the_formats(string? contentType)
    {
        var (_, token) = await CreateCustomerAsync();

        var (status, body) = await SendBytesAsync(HttpMethod.Post, "/ani-planner/dials", token, Encoding.UTF8.GetBytes("[]"), contentType);

        Assert.That(status, Is.EqualTo(HttpStatusCode.UnsupportedMediaType), body?.ToJsonString());
        Assert.That(body!["success"]!.GetValue<bool>(), Is.False);
        Assert.That(body["message"]!.GetValue<string>(), Does.Contain("application/json (a JSON array), application/x-ndjson or text/csv")
            .And.StartsWith(contentType is null ? "The request has no Content-Type." : $"Content-Type '{contentType}' is not accepted here."));
    }

    /// <summary>Sends bytes as they are, with exactly the Content-Type given (none for null).</summary>
    private async Task<(HttpStatusCode Status, JsonNode? Body)> SendBytesAsync(HttpMethod method, string url, string? token, byte[] bytes, string? contentType)
    {
        using var request = new HttpRequestMessage(method, url) { Content = new ByteArrayContent(bytes) };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (contentType is not null)
        {
            request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        }

        using var response = await Client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/json"), text);
        return (response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text));
    }
}
