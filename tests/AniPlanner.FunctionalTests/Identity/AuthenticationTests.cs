using System.Net;
using System.Text.Json.Nodes;
using AniPlanner.Domain.Identity;
using AniPlanner.FunctionalTests.Infrastructure;
using AniPlanner.FunctionalTests.Outplans;
using AniPlanner.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AniPlanner.FunctionalTests.Identity;

public sealed class AuthenticationTests(DatabaseKind kind) : ApiTestBase(kind)
{
    [TestCase("token")]
    [TestCase("accesskey")]
    public async Task A_token_in_the_query_string_authenticates(string parameter)
    {
        var (_, token) = await CreateCustomerAsync();

        var (status, _) = await SendAsync(HttpMethod.Get, $"/v1.0/outplans?{parameter}={Uri.EscapeDataString(token)}", token: null);

        Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task A_bearer_header_authenticates()
    {
        var (_, token) = await CreateCustomerAsync();

        var (status, _) = await SendAsync(HttpMethod.Get, "/v1.0/outplans", token);

        Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task No_credential_is_401_authentication_required()
    {
        AssertError(await SendAsync(HttpMethod.Get, "/v1.0/outplans", token: null),
            HttpStatusCode.Unauthorized, "UNAUTHENTICATED", "AUTHENTICATION_REQUIRED", "Authorization: Bearer");
        AssertError(await SendAsync(HttpMethod.Post, "/v1.0/outplans", token: null, OutplanTestData.CreateBody()),
            HttpStatusCode.Unauthorized, "UNAUTHENTICATED", "AUTHENTICATION_REQUIRED");
    }

    [TestCase("anip_unknown")]
    [TestCase("garbage with spaces")]
    public async Task An_unknown_token_is_401_invalid_credentials(string token)
    {
        AssertError(await SendAsync(HttpMethod.Get, $"/v1.0/outplans?token={Uri.EscapeDataString(token)}", token: null),
            HttpStatusCode.Unauthorized, "UNAUTHENTICATED", "INVALID_CREDENTIALS");
        AssertError(await SendAsync(HttpMethod.Get, "/v1.0/outplans", token),
            HttpStatusCode.Unauthorized, "UNAUTHENTICATED", "INVALID_CREDENTIALS");
    }

    [Test]
    public async Task An_expired_key_is_401_invalid_credentials()
    {
        var (customerId, token) = await CreateCustomerAsync();
        await UpdateKeysAsync(customerId, keys => keys.ExecuteUpdateAsync(set => set.SetProperty(key => key.TmExpire, DateTime.UtcNow.AddMinutes(-1))));

        AssertError(await SendAsync(HttpMethod.Get, "/v1.0/outplans", token), HttpStatusCode.Unauthorized, "UNAUTHENTICATED", "INVALID_CREDENTIALS");
    }

    [Test]
    public async Task A_deleted_key_is_401_invalid_credentials()
    {
        var (customerId, token) = await CreateCustomerAsync();
        await UpdateKeysAsync(customerId, keys => keys.ExecuteUpdateAsync(set => set.SetProperty(key => key.TmDelete, DateTime.UtcNow)));

        AssertError(await SendAsync(HttpMethod.Get, "/v1.0/outplans", token), HttpStatusCode.Unauthorized, "UNAUTHENTICATED", "INVALID_CREDENTIALS");
    }

    [Test]
    public async Task The_platform_admin_key_does_not_reach_inside_a_customer()
    {
        AssertError(await SendAsync(HttpMethod.Get, "/v1.0/outplans", AniPlannerFactory.AdminKey),
            HttpStatusCode.Forbidden, "PERMISSION_DENIED", "PERMISSION_DENIED", "access keys");
    }

    [Test]
    public async Task Every_answer_carries_a_request_id_and_echoes_a_plain_one()
    {
        var (_, token) = await CreateCustomerAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1.0/outplans/not-an-id");
        request.Headers.Authorization = new("Bearer", token);
        request.Headers.Add("X-Request-Id", "caller-trace-42");

        using var response = await Client.SendAsync(request);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.That(response.Headers.GetValues("X-Request-Id").Single(), Is.EqualTo("caller-trace-42"));
        Assert.That(body["error"]!["request_id"]!.GetValue<string>(), Is.EqualTo("caller-trace-42"));
    }

    private async Task UpdateKeysAsync(Guid customerId, Func<IQueryable<AccessKey>, Task> update)
    {
        using var scope = Factory.Services.CreateScope();
        var context = scope.ServiceProvider.GetRequiredService<AniPlannerDbContext>();
        await update(context.AccessKeys.Where(key => key.CustomerId == customerId));
    }
}
