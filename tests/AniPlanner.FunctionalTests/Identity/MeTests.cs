using System.Net;
using System.Text.Json.Nodes;
using AniPlanner.FunctionalTests.Infrastructure;

namespace AniPlanner.FunctionalTests.Identity;

/// <summary><c>GET /v1.0/me</c>: any credential learns who it is (VoIPBIN's CLI calls it at login).</summary>
public sealed class MeTests(DatabaseKind kind) : ApiTestBase(kind)
{
    private static readonly string[] Fields =
        ["id", "customer_id", "customer_name", "credential_type", "username", "name", "detail", "permission", "tm_create", "tm_update"];

    [Test]
    public async Task An_access_key_is_told_its_customer_key_and_permission()
    {
        var (customerId, admin) = await CreateCustomerAsync("Acme Dialers");
        var key = (await SendAsync(HttpMethod.Post, "/v1.0/accesskeys", admin,
            new JsonObject { ["name"] = "dialer", ["detail"] = "West coast", ["permission"] = "planner" })).Body!;

        var (status, me) = await SendAsync(HttpMethod.Get, "/v1.0/me", key["token"]!.GetValue<string>());

        Assert.That(status, Is.EqualTo(HttpStatusCode.OK), me?.ToJsonString());
        Assert.That(WireFormat.Keys(me!), Is.EqualTo(Fields));
        Assert.Multiple(() =>
        {
            Assert.That(me!["id"]!.GetValue<string>(), Is.EqualTo(key["id"]!.GetValue<string>()));
            Assert.That(me["customer_id"]!.GetValue<string>(), Is.EqualTo(customerId.ToString()));
            Assert.That(me["customer_name"]!.GetValue<string>(), Is.EqualTo("Acme Dialers"));
            Assert.That(me["credential_type"]!.GetValue<string>(), Is.EqualTo("accesskey"));
            Assert.That((me["username"]!.GetValue<string>(), me["name"]!.GetValue<string>(), me["detail"]!.GetValue<string>()), Is.EqualTo(("", "dialer", "West coast")));
            Assert.That(me["permission"]!.GetValue<string>(), Is.EqualTo("planner"));
            Assert.That(me["tm_create"]!.GetValue<string>(), Is.EqualTo(key["tm_create"]!.GetValue<string>()));
            Assert.That(me["tm_update"]!.GetValue<string>(), Is.EqualTo(WireFormat.NotSet));
        });
    }

    [Test]
    public async Task A_login_is_told_its_user_and_username()
    {
        var (customerId, admin) = await CreateCustomerAsync("Acme Dialers");
        var user = (await SendAsync(HttpMethod.Post, "/v1.0/users", admin,
            new JsonObject { ["username"] = "Pat", ["password"] = "at least ten characters", ["permission"] = "manager", ["name"] = "Pat Doe" })).Body!;
        var login = (await SendAsync(HttpMethod.Post, "/auth/login", null, new JsonObject { ["username"] = "pat", ["password"] = "at least ten characters" })).Body!;

        var (status, me) = await SendAsync(HttpMethod.Get, "/v1.0/me", login["token"]!.GetValue<string>());

        Assert.That(status, Is.EqualTo(HttpStatusCode.OK), me?.ToJsonString());
        Assert.That((me!["id"]!.GetValue<string>(), me["customer_id"]!.GetValue<string>(), me["credential_type"]!.GetValue<string>()),
            Is.EqualTo((user["id"]!.GetValue<string>(), customerId.ToString(), "user")));
        Assert.That((me["username"]!.GetValue<string>(), me["name"]!.GetValue<string>(), me["permission"]!.GetValue<string>()), Is.EqualTo(("pat", "Pat Doe", "manager")));
    }

    [Test]
    public async Task The_platform_key_is_told_it_belongs_to_no_customer()
    {
        var (status, me) = await SendAsync(HttpMethod.Get, "/v1.0/me", AniPlannerFactory.AdminKey);

        Assert.That(status, Is.EqualTo(HttpStatusCode.OK), me?.ToJsonString());
        Assert.That(WireFormat.Keys(me!), Is.EqualTo(Fields));
        Assert.That(me!["credential_type"]!.GetValue<string>(), Is.EqualTo("platform"));
        foreach (var absent in (string[])["id", "customer_id", "customer_name", "permission"])
        {
            Assert.That(me[absent], Is.Null, absent);
        }
    }

    [Test]
    public async Task Without_a_good_credential_it_is_401()
    {
        var (_, admin) = await CreateCustomerAsync();
        var key = (await SendAsync(HttpMethod.Post, "/v1.0/accesskeys", admin, new JsonObject { ["name"] = "gone" })).Body!;
        await SendAsync(HttpMethod.Delete, $"/v1.0/accesskeys/{key["id"]}", admin);

        AssertError(await SendAsync(HttpMethod.Get, "/v1.0/me", null), HttpStatusCode.Unauthorized, "UNAUTHENTICATED", "AUTHENTICATION_REQUIRED");
        AssertError(await SendAsync(HttpMethod.Get, "/v1.0/me", key["token"]!.GetValue<string>()), HttpStatusCode.Unauthorized, "UNAUTHENTICATED", "INVALID_CREDENTIALS");
    }
}
