using System.Net;
using System.Text.Json.Nodes;
using AniPlanner.FunctionalTests.Infrastructure;

namespace AniPlanner.FunctionalTests.Outplans;

public sealed class OutplanLifecycleTests(DatabaseKind kind) : ApiTestBase(kind)
{
    [Test]
    public async Task Create_answers_the_outplan_with_unset_update_and_delete_times()
    {
        var (customerId, token) = await CreateCustomerAsync();

        var (status, body) = await SendAsync(HttpMethod.Post, "/v1.0/outplans", token, OutplanTestData.CreateBody());

        Assert.That(status, Is.EqualTo(HttpStatusCode.OK), body?.ToJsonString());
        Assert.Multiple(() =>
        {
            Assert.That(body!["customer_id"]!.GetValue<string>(), Is.EqualTo(customerId.ToString()));
            Assert.That(body["name"]!.GetValue<string>(), Is.EqualTo("Sales Standard"));
            Assert.That(body["dial_timeout"]!.GetValue<long>(), Is.EqualTo(30000));
            Assert.That(body["try_interval"]!.GetValue<long>(), Is.EqualTo(7200000));
            Assert.That(body["max_try_count_0"]!.GetValue<int>(), Is.EqualTo(3));
            Assert.That(body["max_try_count_1"]!.GetValue<int>(), Is.EqualTo(2));
            Assert.That(body["max_try_count_2"]!.GetValue<int>(), Is.EqualTo(1));
            Assert.That(body["tm_create"]!.GetValue<string>(), Does.Match(WireFormat.TimestampPattern).And.Not.EqualTo(WireFormat.NotSet));
            Assert.That(body["tm_update"]!.GetValue<string>(), Is.EqualTo(WireFormat.NotSet));
            Assert.That(body["tm_delete"]!.GetValue<string>(), Is.EqualTo(WireFormat.NotSet));
        });
    }

    [Test]
    public async Task Create_without_optional_fields_keeps_zero_values_and_an_empty_source()
    {
        var (_, token) = await CreateCustomerAsync();

        var (status, body) = await SendAsync(
            HttpMethod.Post, "/v1.0/outplans", token, new JsonObject { ["dial_timeout"] = 30000, ["try_interval"] = 60000 });

        Assert.That(status, Is.EqualTo(HttpStatusCode.OK), body?.ToJsonString());
        Assert.Multiple(() =>
        {
            Assert.That(body!["name"]!.GetValue<string>(), Is.Empty);
            Assert.That(body["detail"]!.GetValue<string>(), Is.Empty);
            Assert.That(body["source"]!.ToJsonString(), Is.EqualTo("""{"type":"","target":"","target_name":"","name":"","detail":""}"""));
            Assert.That(body["max_try_count_4"]!.GetValue<int>(), Is.EqualTo(0));
        });
    }

    [Test]
    public async Task Update_basic_info_changes_name_and_detail_and_sets_tm_update()
    {
        var (_, token) = await CreateCustomerAsync();
        var created = (await SendAsync(HttpMethod.Post, "/v1.0/outplans", token, OutplanTestData.CreateBody())).Body!;
        var id = created["id"]!.GetValue<string>();

        var (status, body) = await SendAsync(HttpMethod.Put, $"/v1.0/outplans/{id}", token, new JsonObject { ["name"] = "Renamed" });

        Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
        Assert.Multiple(() =>
        {
            Assert.That(body!["name"]!.GetValue<string>(), Is.EqualTo("Renamed"));
            Assert.That(body["detail"]!.GetValue<string>(), Is.Empty, "a missing detail is the zero value");
            Assert.That(body["dial_timeout"]!.GetValue<long>(), Is.EqualTo(30000), "dial info is untouched");
            Assert.That(body["tm_update"]!.GetValue<string>(), Does.Match(WireFormat.TimestampPattern).And.Not.EqualTo(WireFormat.NotSet));
            Assert.That(body["tm_create"]!.GetValue<string>(), Is.EqualTo(created["tm_create"]!.GetValue<string>()));
        });
    }

    [Test]
    public async Task Update_dial_info_replaces_source_timings_and_counts_but_not_the_name()
    {
        var (_, token) = await CreateCustomerAsync();
        var id = (await SendAsync(HttpMethod.Post, "/v1.0/outplans", token, OutplanTestData.CreateBody())).Body!["id"]!.GetValue<string>();

        var (status, body) = await SendAsync(HttpMethod.Put, $"/v1.0/outplans/{id}/dial_info", token, new JsonObject
        {
            ["source"] = new JsonObject { ["type"] = "sip", ["target"] = "sales@pbx.example.com", ["name"] = "PBX" },
            ["dial_timeout"] = 45000,
            ["try_interval"] = 600000,
            ["max_try_count_0"] = 5,
        });

        Assert.That(status, Is.EqualTo(HttpStatusCode.OK), body?.ToJsonString());
        Assert.Multiple(() =>
        {
            Assert.That(body!["name"]!.GetValue<string>(), Is.EqualTo("Sales Standard"));
            Assert.That(body["source"]!.ToJsonString(), Is.EqualTo("""{"type":"sip","target":"sales@pbx.example.com","target_name":"","name":"PBX","detail":""}"""));
            Assert.That(body["dial_timeout"]!.GetValue<long>(), Is.EqualTo(45000));
            Assert.That(body["try_interval"]!.GetValue<long>(), Is.EqualTo(600000));
            Assert.That(body["max_try_count_0"]!.GetValue<int>(), Is.EqualTo(5));
            Assert.That(body["max_try_count_1"]!.GetValue<int>(), Is.EqualTo(0), "missing counts are zero");
            Assert.That(body["tm_update"]!.GetValue<string>(), Is.Not.EqualTo(WireFormat.NotSet));
        });
    }

    [Test]
    public async Task Delete_is_soft_and_repeatable_and_blocks_updates()
    {
        var (_, token) = await CreateCustomerAsync();
        var id = (await SendAsync(HttpMethod.Post, "/v1.0/outplans", token, OutplanTestData.CreateBody())).Body!["id"]!.GetValue<string>();

        var first = await SendAsync(HttpMethod.Delete, $"/v1.0/outplans/{id}", token);
        Assert.That(first.Status, Is.EqualTo(HttpStatusCode.OK));
        var tmDelete = first.Body!["tm_delete"]!.GetValue<string>();
        Assert.That(tmDelete, Does.Match(WireFormat.TimestampPattern).And.Not.EqualTo(WireFormat.NotSet));
        Assert.That(first.Body["tm_update"]!.GetValue<string>(), Is.EqualTo(tmDelete), "a delete sets tm_update as VoIPBIN does");

        var again = await SendAsync(HttpMethod.Delete, $"/v1.0/outplans/{id}", token);
        Assert.That(again.Status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(JsonNode.DeepEquals(again.Body, first.Body), Is.True, "a second delete answers the outplan unchanged");

        var get = await SendAsync(HttpMethod.Get, $"/v1.0/outplans/{id}", token);
        Assert.That(get.Status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(get.Body!["tm_delete"]!.GetValue<string>(), Is.EqualTo(tmDelete));

        var list = await SendAsync(HttpMethod.Get, "/v1.0/outplans", token);
        Assert.That(list.Body!["result"]!.AsArray(), Is.Empty);

        AssertError(await SendAsync(HttpMethod.Put, $"/v1.0/outplans/{id}", token, new JsonObject { ["name"] = "x" }),
            HttpStatusCode.NotFound, "NOT_FOUND", "OUTPLAN_NOT_FOUND");
        AssertError(await SendAsync(HttpMethod.Put, $"/v1.0/outplans/{id}/dial_info", token, new JsonObject { ["dial_timeout"] = 30000, ["try_interval"] = 60000 }),
            HttpStatusCode.NotFound, "NOT_FOUND", "OUTPLAN_NOT_FOUND");
    }

    [Test]
    public async Task A_missing_outplan_is_404_on_every_endpoint()
    {
        var (_, token) = await CreateCustomerAsync();
        var url = $"/v1.0/outplans/{Guid.NewGuid()}";

        AssertError(await SendAsync(HttpMethod.Get, url, token), HttpStatusCode.NotFound, "NOT_FOUND", "OUTPLAN_NOT_FOUND");
        AssertError(await SendAsync(HttpMethod.Delete, url, token), HttpStatusCode.NotFound, "NOT_FOUND", "OUTPLAN_NOT_FOUND");
        AssertError(await SendAsync(HttpMethod.Put, url, token, new JsonObject { ["name"] = "x" }), HttpStatusCode.NotFound, "NOT_FOUND", "OUTPLAN_NOT_FOUND");
        AssertError(await SendAsync(HttpMethod.Put, url + "/dial_info", token, new JsonObject { ["dial_timeout"] = 30000, ["try_interval"] = 60000 }),
            HttpStatusCode.NotFound, "NOT_FOUND", "OUTPLAN_NOT_FOUND");
    }

    [TestCase("not-a-uuid")]
    [TestCase("00000000-0000-0000-0000-000000000000")]
    [TestCase("12345")]
    public async Task A_malformed_or_nil_id_is_400_invalid_id(string id)
    {
        var (_, token) = await CreateCustomerAsync();

        AssertError(await SendAsync(HttpMethod.Get, $"/v1.0/outplans/{id}", token), HttpStatusCode.BadRequest, "INVALID_ARGUMENT", "INVALID_ID");
        AssertError(await SendAsync(HttpMethod.Delete, $"/v1.0/outplans/{id}", token), HttpStatusCode.BadRequest, "INVALID_ARGUMENT", "INVALID_ID");
        AssertError(await SendAsync(HttpMethod.Put, $"/v1.0/outplans/{id}", token, new JsonObject()), HttpStatusCode.BadRequest, "INVALID_ARGUMENT", "INVALID_ID");
    }
}
