using System.Net;
using System.Text.Json.Nodes;
using AniPlanner.FunctionalTests.Infrastructure;

namespace AniPlanner.FunctionalTests.Identity;

public sealed class AccessKeysTests(DatabaseKind kind) : ApiTestBase(kind)
{
    [Test]
    public async Task Create_answers_the_key_with_its_token_once_and_lists_show_only_the_prefix()
    {
        var (customerId, admin) = await CreateCustomerAsync();

        var (status, created) = await SendAsync(HttpMethod.Post, "/v1.0/accesskeys", admin,
            new JsonObject { ["name"] = "dialer", ["detail"] = "West coast dialer", ["expire"] = 86400, ["permission"] = "manager" });

        Assert.That(status, Is.EqualTo(HttpStatusCode.OK), created?.ToJsonString());
        Assert.That(WireFormat.Keys(created!), Is.EqualTo(new[]
        {
            "id", "customer_id", "name", "detail", "permission", "token", "token_prefix", "tm_expire", "tm_create", "tm_update", "tm_delete",
        }));
        var token = created!["token"]!.GetValue<string>();
        Assert.Multiple(() =>
        {
            Assert.That(created["customer_id"]!.GetValue<string>(), Is.EqualTo(customerId.ToString()));
            Assert.That(created["permission"]!.GetValue<string>(), Is.EqualTo("manager"));
            Assert.That(token, Does.StartWith(created["token_prefix"]!.GetValue<string>()));
            Assert.That(created["tm_update"]!.GetValue<string>(), Is.EqualTo(WireFormat.NotSet));
        });
        var created_ = DateTime.Parse(created["tm_create"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
        var expires = DateTime.Parse(created["tm_expire"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.That(expires - created_, Is.EqualTo(TimeSpan.FromDays(1)));

        var list = await SendAsync(HttpMethod.Get, "/v1.0/accesskeys", admin);
        Assert.That(list.Body!["result"]!.AsArray(), Has.Count.EqualTo(2), "the first key and the new one");
        Assert.That(list.Body.ToJsonString(), Does.Not.Contain(token[5..]), "no token in a list");
        Assert.That(list.Body["result"]![0]!.AsObject().ContainsKey("token"), Is.False);

        var get = await SendAsync(HttpMethod.Get, $"/v1.0/accesskeys/{created["id"]}", admin);
        Assert.That(get.Body!.AsObject().ContainsKey("token"), Is.False);
    }

    [Test]
    public async Task A_deleted_key_is_refused_on_its_very_next_use()
    {
        var (_, admin) = await CreateCustomerAsync();
        var key = (await SendAsync(HttpMethod.Post, "/v1.0/accesskeys", admin, new JsonObject { ["name"] = "temp", ["permission"] = "planner" })).Body!;
        var token = key["token"]!.GetValue<string>();
        Assert.That((await SendAsync(HttpMethod.Get, "/ani-planner/settings", token)).Status, Is.EqualTo(HttpStatusCode.OK));

        var deleted = await SendAsync(HttpMethod.Delete, $"/v1.0/accesskeys/{key["id"]}", admin);

        Assert.That(deleted.Body!["tm_delete"]!.GetValue<string>(), Is.Not.EqualTo(WireFormat.NotSet));
        var refused = await SendAsync(HttpMethod.Get, "/ani-planner/settings", token);
        Assert.That(refused.Status, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(refused.Body!["success"]!.GetValue<bool>(), Is.False);
        Assert.That((await SendAsync(HttpMethod.Get, "/v1.0/accesskeys", admin)).Body!["result"]!.AsArray(), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task A_key_stops_working_when_it_expires()
    {
        var (_, admin) = await CreateCustomerAsync();
        var token = (await SendAsync(HttpMethod.Post, "/v1.0/accesskeys", admin,
            new JsonObject { ["name"] = "day", ["permission"] = "manager", ["expire"] = 86400 })).Body!["token"]!.GetValue<string>();

        Factory.Clock.Pin(DateTimeOffset.UtcNow.AddHours(23));
        Assert.That((await SendAsync(HttpMethod.Get, "/v1.0/outplans", token)).Status, Is.EqualTo(HttpStatusCode.OK));

        Factory.Clock.Pin(DateTimeOffset.UtcNow.AddHours(25));
        AssertError(await SendAsync(HttpMethod.Get, "/v1.0/outplans", token), HttpStatusCode.Unauthorized, "UNAUTHENTICATED", "INVALID_CREDENTIALS");
    }

    [Test]
    public async Task Update_renames_and_keeps_the_token_working()
    {
        var (_, admin) = await CreateCustomerAsync();
        var key = (await SendAsync(HttpMethod.Post, "/v1.0/accesskeys", admin, new JsonObject { ["name"] = "old", ["permission"] = "manager" })).Body!;

        var (status, updated) = await SendAsync(HttpMethod.Put, $"/v1.0/accesskeys/{key["id"]}", admin, new JsonObject { ["name"] = "new", ["detail"] = "renamed" });

        Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((updated!["name"]!.GetValue<string>(), updated["detail"]!.GetValue<string>(), updated["permission"]!.GetValue<string>()),
            Is.EqualTo(("new", "renamed", "manager")));
        Assert.That(updated["tm_update"]!.GetValue<string>(), Is.Not.EqualTo(WireFormat.NotSet));
        Assert.That((await SendAsync(HttpMethod.Get, "/v1.0/outplans", key["token"]!.GetValue<string>())).Status, Is.EqualTo(HttpStatusCode.OK));
    }

    [TestCase("""{"name": "cli", "detail": "VoIPBIN's body", "expire": 86400}""")]
    [TestCase("""{"name": "cli", "permission": null}""")]
    public async Task A_key_created_without_a_permission_is_an_admin_key(string body)
    {
        var (_, admin) = await CreateCustomerAsync();

        var created = await SendRawAsync(HttpMethod.Post, "/v1.0/accesskeys", admin, body);

        Assert.That(created.Status, Is.EqualTo(HttpStatusCode.OK), created.Body?.ToJsonString());
        Assert.That(created.Body!["permission"]!.GetValue<string>(), Is.EqualTo("admin"));
        var token = created.Body["token"]!.GetValue<string>();
        Assert.That((await SendAsync(HttpMethod.Get, "/v1.0/users", token)).Status, Is.EqualTo(HttpStatusCode.OK), "the new key administers the customer");
    }

    [TestCase("""{"name":"k","permission":"owner"}""", "permission must be one of \"admin\", \"manager\", \"planner\"")]
    [TestCase("""{"name":"k","permission":""}""", "permission must be one of")]
    [TestCase("""{"name":"k","permission":"planner","expire":3600}""", "expire is the key's lifetime in seconds, from 86400")]
    [TestCase("""{"name":"k","permission":"planner","expire":"soon"}""", "expire must be a whole number")]
    public async Task Bad_key_requests_are_400_with_what_to_fix(string body, string message)
    {
        var (_, admin) = await CreateCustomerAsync();

        var response = await SendRawAsync(HttpMethod.Post, "/v1.0/accesskeys", admin, body);

        Assert.That(response.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(response.Body!["error"]!["message"]!.GetValue<string>(), Does.Contain(message));
    }

    [Test]
    public async Task Another_customers_key_is_404_like_a_missing_one()
    {
        var (_, owner) = await CreateCustomerAsync("Owner");
        var (_, other) = await CreateCustomerAsync("Other");
        var key = (await SendAsync(HttpMethod.Post, "/v1.0/accesskeys", owner, new JsonObject { ["name"] = "k", ["permission"] = "planner" })).Body!;
        var url = $"/v1.0/accesskeys/{key["id"]}";

        AssertError(await SendAsync(HttpMethod.Get, url, other), HttpStatusCode.NotFound, "NOT_FOUND", "ACCESSKEY_NOT_FOUND");
        AssertError(await SendAsync(HttpMethod.Put, url, other, new JsonObject { ["name"] = "x" }), HttpStatusCode.NotFound, "NOT_FOUND", "ACCESSKEY_NOT_FOUND");
        AssertError(await SendAsync(HttpMethod.Delete, url, other), HttpStatusCode.NotFound, "NOT_FOUND", "ACCESSKEY_NOT_FOUND");
        Assert.That((await SendAsync(HttpMethod.Get, "/ani-planner/settings", key["token"]!.GetValue<string>())).Status, Is.EqualTo(HttpStatusCode.OK));
    }
}
