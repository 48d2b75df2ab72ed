using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using AniPlanner.Api.Errors;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;

namespace AniPlanner.UnitTests.Api;

/// <summary>What the request did wrong is its 4xx however the framework wrapped it; only our own failures are a 500.</summary>
public sealed class ApiExceptionHandlerTests
{
    private static IEnumerable<TestCaseData> ClientFaults()
    {
        yield return new TestCaseData(new BadHttpRequestException("Reading the request body timed out.", 408), 408, "BAD_REQUEST").SetName("A slow body is its own 408");
        yield return new TestCaseData(new BadHttpRequestException("Odd.", 500), 400, "BAD_REQUEST").SetName("A client error never becomes a 5xx");
        yield return new TestCaseData(new BadHttpRequestException("Send CSV.", 415), 415, "UNSUPPORTED_MEDIA_TYPE").SetName("A 415 keeps its reason");
        yield return new TestCaseData(
            new JsonException("Reading failed.", new BadHttpRequestException("The request body is larger than this endpoint takes.", 413)), 413, "PAYLOAD_TOO_LARGE")
            .SetName("A body limit hit inside the JSON reader is a 413");
        yield return new TestCaseData(
            new AggregateException(new IOException("Read failed.", new BadHttpRequestException("Unexpected end of request content.", 400))), 400, "BAD_REQUEST")
            .SetName("A body cut short, deep in an aggregate, is a 400");
        yield return new TestCaseData(new JsonException("Reading failed.", new DecoderFallbackException("bad byte")), 400, "INVALID_JSON_BODY")
            .SetName("Bytes that are not text are a 400");
    }

    [TestCaseSource(nameof(ClientFaults))]
    public async Task A_request_fault_is_answered_with_its_4xx(Exception fault, int status, string reason)
    {
        var (answered, body) = await HandleAsync(fault);

        Assert.That(answered, Is.EqualTo(status));
        Assert.That(body["error"]!["reason"]!.GetValue<string>(), Is.EqualTo(reason));
    }

    [Test]
    public async Task Our_own_failure_is_a_500_that_says_nothing_of_it()
    {
        var (answered, body) = await HandleAsync(new InvalidOperationException("connection string of db-7"));

        Assert.That(answered, Is.EqualTo(500));
        Assert.That(body.ToJsonString(), Does.Not.Contain("db-7"));
    }

    private static async Task<(int Status, JsonNode Body)> HandleAsync(Exception exception)
    {
        var context = new DefaultHttpContext { Response = { Body = new MemoryStream() } };
        var handled = await new ApiExceptionHandler(NullLogger<ApiExceptionHandler>.Instance).TryHandleAsync(context, exception, CancellationToken.None);
        Assert.That(handled, Is.True);
        context.Response.Body.Position = 0;
        return (context.Response.StatusCode, (await JsonNode.ParseAsync(context.Response.Body))!);
    }
}
