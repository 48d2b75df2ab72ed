using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace AniPlanner.FunctionalTests.Infrastructure;

/// <summary>
/// Base of the API tests. Every test runs against SQLite, PostgreSQL and SQL Server; a server's
/// run is ignored, with the reason, where that server cannot be had.
/// </summary>
[TestFixture(DatabaseKind.Sqlite)]
[TestFixture(DatabaseKind.SqlServer)]
[TestFixture(DatabaseKind.PostgreSql)]
public abstract class ApiTestBase(DatabaseKind kind)
{
    private AniPlannerFactory? _factory;

    protected AniPlannerFactory Factory => _factory ?? throw new InvalidOperationException("The service is not running.");

    protected HttpClient Client { get; private set; } = null!;

    protected DatabaseKind Kind => kind;

    [OneTimeSetUp]
    public async Task StartService()
    {
        var (factory, ignoreReason) = await SharedDatabases.ServiceFor(kind);
        if (factory is null)
        {
            Assert.Ignore(ignoreReason);
        }

        _factory = factory;
    }

    [SetUp]
    public async Task ResetDatabase()
    {
        await Factory.Database.ResetAsync();
        Factory.Clock.Release();
        Client = Factory.CreateClient();
    }

    [TearDown]
    public void DisposeClient() => Client.Dispose();

    /// <summary>A new customer through the admin endpoint; answers its id and access-key token.</summary>
    protected async Task<(Guid Id, string Token)> CreateCustomerAsync(string name = "Acme Dialers")
    {
        var (status, body) = await SendAsync(HttpMethod.Post, "/v1.0/customers", AniPlannerFactory.AdminKey, new JsonObject { ["name"] = name });
        Assert.That(status, Is.EqualTo(HttpStatusCode.OK), body?.ToJsonString());
        return (Guid.Parse(body!["id"]!.GetValue<string>()), body["accesskey"]!["token"]!.GetValue<string>());
    }

    /// <summary>Sends a request with the token as a Bearer header (or none) and parses the JSON answer.</summary>
    protected Task<(HttpStatusCode Status, JsonNode? Body)> SendAsync(HttpMethod method, string url, string? token, JsonNode? json = null) =>
        SendRawAsync(method, url, token, json?.ToJsonString());

    protected async Task<(HttpStatusCode Status, JsonNode? Body)> SendRawAsync(
        HttpMethod method, string url, string? token, string? rawBody, string contentType = "application/json")
    {
        using var request = new HttpRequestMessage(method, url);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (rawBody is not null)
        {
            request.Content = new StringContent(rawBody, Encoding.UTF8, contentType);
        }

        using var response = await Client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.Headers.Contains("X-Request-Id"), Is.True, $"{method} {url} answered without X-Request-Id");
        return (response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text));
    }

    /// <summary>
    /// Sends every request at the same moment (each from its own thread-pool task, released together)
    /// and answers them in the order given: for tests of requests that race each other.
    /// </summary>
    protected async Task<(HttpStatusCode Status, JsonNode? Body)[]> SendAtOnceAsync(
        IEnumerable<(HttpMethod Method, string Url, string Token, JsonNode? Json)> requests)
    {
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var sending = requests
            .Select(request => Task.Run(async () =>
            {
                await start.Task;
                return await SendAsync(request.Method, request.Url, request.Token, request.Json);
            }))
            .ToList();
        start.SetResult();
        return await Task.WhenAll(sending);
    }

    /// <summary>
    /// How many audit rows record <paramref name="action"/> on a resource, read from the database
    /// (a deleted customer's credentials can no longer read its own trail).
    /// </summary>
    protected async Task<int> AuditRowsAsync(string resourceId, string action)
    {
        var database = Factory.Database;
        await using var connection = await database.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText =
            $"SELECT COUNT(*) FROM {database.Quote("AuditLogs")} WHERE {database.Quote("ResourceId")} = @resource AND {database.Quote("Action")} = @action";
        foreach (var (name, value) in new[] { ("@resource", resourceId), ("@action", action) })
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }

        return Convert.ToInt32(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Asserts an error answer: status, the envelope's status word and reason, and a message.</summary>
    protected static void AssertError(
        (HttpStatusCode Status, JsonNode? Body) response, HttpStatusCode status, string statusWord, string reason, string? messageContains = null)
    {
        Assert.That(response.Status, Is.EqualTo(status), response.Body?.ToJsonString());
        var error = response.Body?["error"];
        Assert.That(error, Is.Not.Null, "no error envelope");
        Assert.Multiple(() =>
        {
            Assert.That(error!["status"]!.GetValue<string>(), Is.EqualTo(statusWord));
            Assert.That(error["reason"]!.GetValue<string>(), Is.EqualTo(reason));
            Assert.That(error["message"]!.GetValue<string>(), Is.Not.Empty);
            Assert.That(error["request_id"]!.GetValue<string>(), Is.Not.Empty);
            if (messageContains is not null)
            {
                Assert.That(error["message"]!.GetValue<string>(), Does.Contain(messageContains));
            }
        });
    }
}
