using System.Net;
using System.Text.Json.Nodes;
using AniPlanner.FunctionalTests.Infrastructure;

namespace AniPlanner.FunctionalTests.Identity;

public sealed class CustomersTests(DatabaseKind kind) : ApiTestBase(kind)
{
    [Test]
    public async Task The_admin_key_creates_a_customer_with_a_working_access_key()
    {
        var (status, body) = await SendAsync(HttpMethod.Post, "/v1.0/customers", AniPlannerFactory.AdminKey,
            new JsonObject { ["name"] = "Acme Dialers", ["detail"] = "West coast call centre" });

        Assert.That(status, Is.EqualTo(HttpStatusCode.OK), body?.ToJsonString());
        Assert.That(WireFormat.Keys(body!), Is.EqualTo(new[] { "id", "name", "detail", "tm_create", "tm_update", "tm_delete", "accesskey" }));
        var key = body!["accesskey"]!;
        Assert.Multiple(() =>
        {
            Assert.That(body["name"]!.GetValue<string>(), Is.EqualTo("Acme Dialers"));
            Assert.That(body["detail"]!.GetValue<string>(), Is.EqualTo("West coast call centre"));
            Assert.That(body["tm_create"]!.GetValue<string>(), Does.Match(WireFormat.TimestampPattern));
            Assert.That(body["tm_update"]!.GetValue<string>(), Is.EqualTo(WireFormat.NotSet));
            Assert.That(key["customer_id"]!.GetValue<string>(), Is.EqualTo(body["id"]!.GetValue<string>()));
            Assert.That(key["token"]!.GetValue<string>(), Does.StartWith("anip_").And.Length.GreaterThan(40));
        });

        var (listStatus, _) = await SendAsync(HttpMethod.Get, "/v1.0/outplans", key["token"]!.GetValue<string>());
        Assert.That(listStatus, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Keys_are_stored_only_as_hashes()
    {
        var (customerId, token) = await CreateCustomerAsync();

        await using var connection = await Factory.Database.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT * FROM {Factory.Database.Quote("AccessKeys")}";
        await using var reader = await command.ExecuteReaderAsync();
        var rows = 0;
        while (await reader.ReadAsync())
        {
            rows++;
            for (var column = 0; column < reader.FieldCount; column++)
            {
                var value = reader.GetValue(column)?.ToString() ?? "";
                Assert.That(value, Does.Not.Contain(token[5..]), $"column {reader.GetName(column)} holds the token");
            }
        }

        Assert.That(rows, Is.EqualTo(1), $"one key for customer {customerId}");
    }

    [Test]
    public async Task A_customer_key_may_not_create_customers()
    {
        var (_, token) = await CreateCustomerAsync();

        AssertError(await SendAsync(HttpMethod.Post, "/v1.0/customers", token, new JsonObject { ["name"] = "Sneaky" }),
            HttpStatusCode.Forbidden, "PERMISSION_DENIED", "PERMISSION_DENIED", "platform administrator key");
    }

    [Test]
    public async Task A_customer_needs_a_name()
    {
        AssertError(await SendAsync(HttpMethod.Post, "/v1.0/customers", AniPlannerFactory.AdminKey, new JsonObject { ["detail"] = "no name" }),
            HttpStatusCode.BadRequest, "INVALID_ARGUMENT", "VALIDATION_FAILED", "name is required");
    }

    [Test]
    public async Task Without_an_admin_key_configured_customer_creation_is_403()
    {
        await using var factory = new AniPlannerFactory(Factory.Database, new Dictionary<string, string?> { ["Admin:ApiKey"] = "" });
        using var client = factory.CreateClient();
        var (_, token) = await CreateCustomerAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1.0/customers") { Content = JsonContent("""{"name":"x"}""") };
        request.Headers.Authorization = new("Bearer", token);

        using var response = await client.SendAsync(request);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(body["error"]!["message"]!.GetValue<string>(), Does.Contain("Admin:ApiKey is not set"));
    }

    private static StringContent JsonContent(string json) => new(json, System.Text.Encoding.UTF8, "application/json");
}
