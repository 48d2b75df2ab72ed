using System.Text;
using System.Text.Json;
using AniPlanner.Api.AniPlanning;
using AniPlanner.Api.Common;
using AniPlanner.Api.Errors;
using AniPlanner.Api.Hosting;
using AniPlanner.Api.Identity;
using AniPlanner.Api.Outplans;
using AniPlanner.Application.AniPlanning.AniInventory.UpsertAnis;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Formatters;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace AniPlanner.UnitTests.Api;

/// <summary>
/// Bodies read by MVC's own JSON formatter with the service's JSON options, then answered: what a
/// field should be comes from the body's contract, never from the serializer's message.
/// </summary>
public sealed class ModelStateErrorsTests
{
    private const string LoneSurrogate = " is not valid Unicode text (a lone surrogate escape such as \\ud800).";
    private const string SendOneObject = "The request body is empty or not valid JSON: send one JSON object.";

    private static readonly JsonOptions Json = ServiceJsonOptions();

    [TestCase(typeof(CreateOutplanRequest), """{"source":{"type":"tel","target":5}}""", "source.target must be a string.")]
    [TestCase(typeof(CreateOutplanRequest), """{"source":"+15559876543"}""", "source must be an object.")]
    [TestCase(typeof(CreateOutplanRequest), """{"Dial_Timeout":"30000"}""", "Dial_Timeout must be a whole number.")]
    [TestCase(typeof(CreateAccessKeyRequest), """{"name":"k","expire":1e400}""", "expire must be a whole number.")]
    [TestCase(typeof(GeneratePlanRequest), """{"campaigns":["out",5]}""", "campaigns[1] must be a string.")]
    [TestCase(typeof(GeneratePlanRequest), """{"campaigns":"out"}""", "campaigns must be an array.")]
    [TestCase(typeof(List<AniInput?>), """[{"number":"+12135550001"},{"managed":"yes"}]""", "[1].managed must be true or false.")]
    [TestCase(typeof(List<AniInput?>), """[5]""", "[0] must be an object.")]
    public async Task A_wrong_type_at_any_depth_names_the_field_and_what_it_should_be(Type bodyType, string json, string message)
    {
        var answer = await DescribeAsync(bodyType, json);

        Assert.That((answer.Reason, answer.Message), Is.EqualTo(("INVALID_FIELD_TYPE", message)));
    }

    [TestCase(typeof(CreateOutplanRequest), """{"source":{"type":"tel","target":"\ud800"}}""", "source.target" + LoneSurrogate)]
    [TestCase(typeof(GeneratePlanRequest), """{"campaigns":["out","\udc00x"]}""", "campaigns[1]" + LoneSurrogate)]
    [TestCase(typeof(CreateOutplanRequest), """{"source":{"type":"tel","\ud800":1}}""", "source" + LoneSurrogate)]
    [TestCase(typeof(List<AniInput?>), """[{"\udc00":1}]""", "[0]" + LoneSurrogate)]
    [TestCase(typeof(CreateOutplanRequest), """{"\ud800":1}""", SendOneObject)]
    public async Task A_lone_surrogate_names_where_it_is(Type bodyType, string json, string message)
    {
        var answer = await DescribeAsync(bodyType, json);

        Assert.That((answer.Reason, answer.Message), Is.EqualTo(("INVALID_JSON_BODY", message)));
    }

    [Test]
    public async Task Bytes_that_are_not_utf8_are_told_apart_from_a_lone_surrogate()
    {
        byte[] body = [.. "{\"source\":{\"target\":\""u8, 0xFF, .. "\"}}"u8];

        var answer = Describe(await BindAsync(typeof(CreateOutplanRequest), body), typeof(CreateOutplanRequest));

        Assert.That(answer.Message, Does.StartWith("The request body is not valid UTF-8 text"));
    }

    [Test]
    public async Task Unreadable_json_is_not_blamed_on_the_field_it_stopped_at()
    {
        var answer = await DescribeAsync(typeof(CreateOutplanRequest), """{"dial_timeout":30000""");

        Assert.That(answer.Reason, Is.EqualTo("INVALID_JSON_BODY"));
        Assert.That(answer.Message, Does.StartWith("The request body is empty or not valid JSON: '0' is an invalid end of a number"));
    }

    [Test]
    public async Task Without_the_body_contract_a_wrong_type_gets_the_general_answer()
    {
        var modelState = await BindAsync(typeof(CreateOutplanRequest), Encoding.UTF8.GetBytes("""{"source":{"target":5}}"""));

        var answer = ModelStateErrors.Describe(modelState, body: null);

        Assert.That((answer.Reason, answer.Message), Is.EqualTo(("INVALID_JSON_BODY", SendOneObject)));
    }

    [Test]
    public void A_path_the_contract_does_not_declare_gets_the_general_answer()
    {
        var modelState = new ModelStateDictionary();
        modelState.TryAddModelError("$.source.nowhere", new JsonException("Refused."), new EmptyModelMetadataProvider().GetMetadataForType(typeof(CreateOutplanRequest)));

        var answer = Describe(modelState, typeof(CreateOutplanRequest));

        Assert.That((answer.Reason, answer.Message), Is.EqualTo(("INVALID_JSON_BODY", SendOneObject)));
    }

    [Test]
    public async Task A_type_with_no_short_word_gets_the_general_answer()
    {
        var answer = await DescribeAsync(typeof(Timed), """{"at":5}""");

        Assert.That((answer.Reason, answer.Message), Is.EqualTo(("INVALID_JSON_BODY", SendOneObject)));
    }

    [Test]
    public void The_converter_marks_text_that_is_not_unicode_and_the_serializer_says_where()
    {
        var refused = Assert.Throws<NotUnicodeTextException>(() => JsonSerializer.Deserialize<CreateOutplanRequest>("""{"source":{"name":"\ud800"}}""", Json.JsonSerializerOptions));

        Assert.That(refused!.Path, Is.EqualTo("$.source.name"));
        Assert.That(refused.InnerException, Is.InstanceOf<InvalidOperationException>());
    }

    [Test]
    public void The_converter_leaves_a_wrong_token_to_the_serializer()
    {
        var refused = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<CreateOutplanRequest>("""{"name":7}""", Json.JsonSerializerOptions));

        Assert.That(refused, Is.Not.InstanceOf<NotUnicodeTextException>());
    }

    private sealed class Timed
    {
        public DateTimeOffset At { get; init; }
    }

    private static async Task<ApiError> DescribeAsync(Type bodyType, string json) =>
        Describe(await BindAsync(bodyType, Encoding.UTF8.GetBytes(json)), bodyType);

    private static ApiError Describe(ModelStateDictionary modelState, Type bodyType) =>
        ModelStateErrors.Describe(modelState, Json.JsonSerializerOptions.GetTypeInfo(bodyType));

    private static async Task<ModelStateDictionary> BindAsync(Type bodyType, byte[] body)
    {
        var http = new DefaultHttpContext();
        http.Request.Body = new MemoryStream(body);
        http.Request.ContentType = "application/json";
        http.Request.ContentLength = body.Length;
        var modelState = new ModelStateDictionary();
        var metadata = new EmptyModelMetadataProvider().GetMetadataForType(bodyType);

        await new SystemTextJsonInputFormatter(Json, NullLogger<SystemTextJsonInputFormatter>.Instance)
            .ReadAsync(new InputFormatterContext(http, "", modelState, metadata, (stream, encoding) => new StreamReader(stream, encoding)));
        return modelState;
    }

    /// <summary>The options MVC reads bodies with, as the service configures them.</summary>
    private static JsonOptions ServiceJsonOptions()
    {
        var services = new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        services.AddApi();
        return services.BuildServiceProvider().GetRequiredService<IOptions<JsonOptions>>().Value;
    }
}
