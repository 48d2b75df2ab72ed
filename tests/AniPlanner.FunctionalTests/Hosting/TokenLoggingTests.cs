using System.Text.Json.Nodes;
using AniPlanner.FunctionalTests.Infrastructure;

namespace AniPlanner.FunctionalTests.Hosting;

/// <summary>Tokens travel in query strings and headers; none may reach a log line, at any level.</summary>
public sealed class TokenLoggingTests(DatabaseKind kind) : ApiTestBase(kind)
{
    [Test]
    public async Task No_token_reaches_the_logs_however_it_is_passed()
    {
        var (_, token) = await CreateCustomerAsync();

        await SendAsync(HttpMethod.Get, $"/v1.0/outplans?token={token}", null);
        await SendAsync(HttpMethod.Get, $"/v1.0/outplans?accesskey={token}&page_size=abc", null);
        await SendAsync(HttpMethod.Get, "/v1.0/outplans", token);
        await SendAsync(HttpMethod.Get, "/v1.0/outplans?token=anip_wrong_secret_value", null);
        await SendAsync(HttpMethod.Post, "/v1.0/customers", AniPlannerFactory.AdminKey, new JsonObject { ["name"] = "Logged?" });

        var lines = Factory.Logs.Lines.ToList();
        Assert.That(lines, Has.Some.Contains("/v1.0/outplans"), "requests are logged (by path)");
        Assert.That(lines, Has.None.Contains(token[5..]));
        Assert.That(lines, Has.None.Contains("anip_wrong_secret_value"));
        Assert.That(lines, Has.None.Contains(AniPlannerFactory.AdminKey));
        Assert.That(lines, Has.None.Contains("token="));
    }
}
