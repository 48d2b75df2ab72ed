using System.Net;
using System.Text.Json.Nodes;
using AniPlanner.FunctionalTests.Infrastructure;

namespace AniPlanner.FunctionalTests.Identity;

/// <summary>The platform administrator lists, renames and deletes tenants.</summary>
public sealed class CustomerAdministrationTests(DatabaseKind kind) : ApiTestBase(kind)
{
    [Test]
    public async Task Customers_are_listed_newest_first_read_and_renamed()
    {
        var (first, _) = await CreateCustomerAsync("First");
        var (second, _) = await CreateCustomerAsync("Second");

        var list = await SendAsync(HttpMethod.Get, "/v1.0/customers?page_size=1", AniPlannerFactory.AdminKey);
        Assert.That(list.Body!["result"]!.AsArray().Select(customer => customer!["id"]!.GetValue<string>()), Is.EqualTo(new[] { second.ToString() }));
        var next = await SendAsync(HttpMethod.Get, $"/v1.0/customers?page_size=1&page_token={Uri.EscapeDataString(list.Body["next_page_token"]!.GetValue<string>())}", AniPlannerFactory.AdminKey);
        Assert.That(next.Body!["result"]!.AsArray().Select(customer => customer!["id"]!.GetValue<string>()), Is.EqualTo(new[] { first.ToString() }));

        var renamed = await SendAsync(HttpMethod.Put, $"/v1.0/customers/{first}", AniPlannerFactory.AdminKey, new JsonObject { ["name"] = "First, renamed" });
        Assert.That(renamed.Body!["name"]!.GetValue<string>(), Is.EqualTo("First, renamed"));
        var read = await SendAsync(HttpMethod.Get, $"/v1.0/customers/{first}", AniPlannerFactory.AdminKey);
        Assert.That(read.Body!["tm_update"]!.GetValue<string>(), Is.Not.EqualTo(WireFormat.NotSet));
    }

    [Test]
    public async Task A_deleted_customers_credentials_stop_working_at_once()
    {
        var (id, token) = await CreateCustomerAsync();
        Assert.That((await SendAsync(HttpMethod.Get, "/v1.0/outplans", token)).Status, Is.EqualTo(HttpStatusCode.OK));

        var deleted = await SendAsync(HttpMethod.Delete, $"/v1.0/customers/{id}", AniPlannerFactory.AdminKey);

        Assert.That(deleted.Body!["tm_delete"]!.GetValue<string>(), Is.Not.EqualTo(WireFormat.NotSet));
        AssertError(await SendAsync(HttpMethod.Get, "/v1.0/outplans", token), HttpStatusCode.Unauthorized, "UNAUTHENTICATED", "INVALID_CREDENTIALS");
        Assert.That((await SendAsync(HttpMethod.Get, "/v1.0/customers", AniPlannerFactory.AdminKey)).Body!["result"]!.AsArray(), Is.Empty);
        AssertError(await SendAsync(HttpMethod.Put, $"/v1.0/customers/{id}", AniPlannerFactory.AdminKey, new JsonObject { ["name"] = "x" }),
            HttpStatusCode.NotFound, "NOT_FOUND", "CUSTOMER_NOT_FOUND");
    }

    [Test]
    public async Task A_missing_customer_is_404_and_a_rename_needs_a_name()
    {
        var (id, _) = await CreateCustomerAsync();

        AssertError(await SendAsync(HttpMethod.Get, $"/v1.0/customers/{Guid.NewGuid()}", AniPlannerFactory.AdminKey), HttpStatusCode.NotFound, "NOT_FOUND", "CUSTOMER_NOT_FOUND");
        AssertError(await SendAsync(HttpMethod.Put, $"/v1.0/customers/{id}", AniPlannerFactory.AdminKey, new JsonObject { ["detail"] = "no name" }),
            HttpStatusCode.BadRequest, "INVALID_ARGUMENT", "VALIDATION_FAILED", "name is required");
    }
}
