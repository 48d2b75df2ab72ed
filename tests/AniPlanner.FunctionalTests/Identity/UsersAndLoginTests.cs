using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using AniPlanner.FunctionalTests.Infrastructure;

namespace AniPlanner.FunctionalTests.Identity;

public sealed class UsersAndLoginTests(DatabaseKind kind) : ApiTestBase(kind)
{
    private const string Password = "correct horse battery";

    [Test]
    public async Task A_user_logs_in_and_the_token_works_like_an_access_key_of_its_permission()
    {
        var (customerId, admin) = await CreateCustomerAsync();
        var user = await CreateUserAsync(admin, "Planner.Pat", "planner");

        var (status, login) = await LoginAsync("planner.pat", Password);

        Assert.That(status, Is.EqualTo(HttpStatusCode.OK), login?.ToJsonString());
        Assert.That(WireFormat.Keys(login!), Is.EqualTo(new[] { "username", "token" }));
        Assert.That(login!["username"]!.GetValue<string>(), Is.EqualTo("planner.pat"), "usernames are kept in lower case");
        var token = login["token"]!.GetValue<string>();
        Assert.That(user["customer_id"]!.GetValue<string>(), Is.EqualTo(customerId.ToString()));
        Assert.That((await SendAsync(HttpMethod.Post, "/ani-planner/generate", token, new JsonObject())).Status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await SendAsync(HttpMethod.Get, $"/ani-planner/settings?token={token}", null)).Status, Is.EqualTo(HttpStatusCode.OK), "?token= too");
        Assert.That((await SendAsync(HttpMethod.Get, "/v1.0/outplans", token)).Status, Is.EqualTo(HttpStatusCode.Forbidden), "a planner manages no outplans");
    }

    [Test]
    public async Task A_permission_change_applies_to_tokens_already_issued()
    {
        var (_, admin) = await CreateCustomerAsync();
        var user = await CreateUserAsync(admin, "grow", "planner");
        var token = (await LoginAsync("grow", Password)).Body!["token"]!.GetValue<string>();

        await SendAsync(HttpMethod.Put, $"/v1.0/users/{user["id"]}", admin, new JsonObject { ["name"] = "Grown", ["permission"] = "manager" });

        Assert.That((await SendAsync(HttpMethod.Get, "/v1.0/outplans", token)).Status, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task A_permission_change_applies_at_once_to_a_token_in_use()
    {
        var (_, admin) = await CreateCustomerAsync();
        var user = await CreateUserAsync(admin, "shifting", "planner");
        var token = (await LoginAsync("shifting", Password)).Body!["token"]!.GetValue<string>();
        Assert.That((await SendAsync(HttpMethod.Get, "/v1.0/outplans", token)).Status, Is.EqualTo(HttpStatusCode.Forbidden));

        await SendAsync(HttpMethod.Put, $"/v1.0/users/{user["id"]}", admin, new JsonObject { ["name"] = "Up", ["permission"] = "manager" });
        Assert.That((await SendAsync(HttpMethod.Get, "/v1.0/outplans", token)).Status, Is.EqualTo(HttpStatusCode.OK));

        await SendAsync(HttpMethod.Put, $"/v1.0/users/{user["id"]}", admin, new JsonObject { ["name"] = "Down", ["permission"] = "planner" });
        Assert.That((await SendAsync(HttpMethod.Get, "/v1.0/outplans", token)).Status, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    [Test]
    public async Task Wrong_password_and_unknown_user_get_the_same_401()
    {
        var (_, admin) = await CreateCustomerAsync();
        await CreateUserAsync(admin, "real", "admin");

        var wrongPassword = await LoginAsync("real", "not the password");
        var unknownUser = await LoginAsync("nobody", Password);

        AssertError(wrongPassword, HttpStatusCode.Unauthorized, "UNAUTHENTICATED", "INVALID_CREDENTIALS");
        Assert.That(unknownUser.Body!["error"]!["message"]!.GetValue<string>(), Is.EqualTo(wrongPassword.Body!["error"]!["message"]!.GetValue<string>()));
        Assert.That(unknownUser.Status, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task A_deleted_users_token_stops_working_at_once()
    {
        var (_, admin) = await CreateCustomerAsync();
        var user = await CreateUserAsync(admin, "leaver", "manager");
        var token = (await LoginAsync("leaver", Password)).Body!["token"]!.GetValue<string>();
        Assert.That((await SendAsync(HttpMethod.Get, "/v1.0/outplans", token)).Status, Is.EqualTo(HttpStatusCode.OK));

        await SendAsync(HttpMethod.Delete, $"/v1.0/users/{user["id"]}", admin);

        AssertError(await SendAsync(HttpMethod.Get, "/v1.0/outplans", token), HttpStatusCode.Unauthorized, "UNAUTHENTICATED", "INVALID_CREDENTIALS");
        Assert.That((await LoginAsync("leaver", Password)).Status, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task A_tampered_token_is_401()
    {
        var (_, admin) = await CreateCustomerAsync();
        await CreateUserAsync(admin, "victim", "planner");
        var token = (await LoginAsync("victim", Password)).Body!["token"]!.GetValue<string>();
        var parts = token.Split('.');

        // Same signature, a payload claiming another subject.
        var payload = JsonNode.Parse(Base64UrlDecode(parts[1]))!;
        payload["sub"] = Guid.NewGuid().ToString();
        var tampered = $"{parts[0]}.{Base64UrlEncode(payload.ToJsonString())}.{parts[2]}";

        var planner = await SendAsync(HttpMethod.Get, "/ani-planner/settings", tampered);
        Assert.That(planner.Status, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(planner.Body!["success"]!.GetValue<bool>(), Is.False);
        AssertError(await SendAsync(HttpMethod.Get, "/v1.0/accesskeys", tampered), HttpStatusCode.Unauthorized, "UNAUTHENTICATED", "INVALID_CREDENTIALS");
        Assert.That((await SendAsync(HttpMethod.Get, "/ani-planner/settings", token)).Status, Is.EqualTo(HttpStatusCode.OK), "the untouched token works");
    }

    [Test]
    public async Task An_unsigned_alg_none_token_is_401()
    {
        var (_, admin) = await CreateCustomerAsync();
        var user = await CreateUserAsync(admin, "nonesuch", "admin");
        var header = Base64UrlEncode("""{"alg":"none","typ":"JWT"}""");
        var payload = Base64UrlEncode($$"""{"sub":"{{user["id"]}}","iss":"aniplanner","aud":"aniplanner","exp":{{DateTimeOffset.UtcNow.AddDays(1).ToUnixTimeSeconds()}}}""");

        AssertError(await SendAsync(HttpMethod.Get, "/v1.0/accesskeys", $"{header}.{payload}."), HttpStatusCode.Unauthorized, "UNAUTHENTICATED", "INVALID_CREDENTIALS");
    }

    [Test]
    public async Task An_expired_token_is_401()
    {
        var (_, admin) = await CreateCustomerAsync();
        await CreateUserAsync(admin, "oldtimer", "admin");

        // Issued eight days ago: its seven-day lifetime is over.
        Factory.Clock.Pin(DateTimeOffset.UtcNow.AddDays(-8));
        var token = (await LoginAsync("oldtimer", Password)).Body!["token"]!.GetValue<string>();
        Factory.Clock.Release();

        AssertError(await SendAsync(HttpMethod.Get, "/v1.0/accesskeys", token), HttpStatusCode.Unauthorized, "UNAUTHENTICATED", "INVALID_CREDENTIALS");
    }

    [Test]
    public async Task Passwords_are_stored_only_as_hashes_and_never_answered()
    {
        var (_, admin) = await CreateCustomerAsync();
        var user = await CreateUserAsync(admin, "hashed", "admin");
        Assert.That(user.ToJsonString(), Does.Not.Contain(Password).And.Not.Contain("password"));

        await using var connection = await Factory.Database.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Factory.Database.Quote("PasswordHash")} FROM {Factory.Database.Quote("Users")}";
        var hash = (string)(await command.ExecuteScalarAsync())!;

        Assert.That(hash, Does.Not.Contain(Password));
        Assert.That(Convert.FromBase64String(hash)[0], Is.EqualTo(0x01), "ASP.NET Core Identity's v3 hash format");
    }

    [Test]
    public async Task Passwords_and_login_tokens_never_reach_the_logs()
    {
        var (_, admin) = await CreateCustomerAsync();
        await CreateUserAsync(admin, "quiet", "admin");
        var token = (await LoginAsync("quiet", Password)).Body!["token"]!.GetValue<string>();
        await SendAsync(HttpMethod.Get, $"/v1.0/users?token={token}", null);
        await LoginAsync("quiet", "a wrong password 123");

        var lines = Factory.Logs.Lines.ToList();
        Assert.That(lines, Has.None.Contains(Password));
        Assert.That(lines, Has.None.Contains("a wrong password 123"));
        Assert.That(lines, Has.None.Contains(token.Split('.')[2]));
    }

    [TestCase("""{"username":"ab","password":"long enough password","permission":"admin"}""", "username must be 3 to 64")]
    [TestCase("""{"username":"has space","password":"long enough password","permission":"admin"}""", "username must be")]
    [TestCase("""{"username":"shorty","password":"short","permission":"admin"}""", "password must be 10 to 128 characters")]
    [TestCase("""{"username":"noperm","password":"long enough password"}""", "permission must be one of")]
    public async Task Bad_user_requests_are_400(string body, string message)
    {
        var (_, admin) = await CreateCustomerAsync();

        AssertError(await SendRawAsync(HttpMethod.Post, "/v1.0/users", admin, body), HttpStatusCode.BadRequest, "INVALID_ARGUMENT", "VALIDATION_FAILED", message);
    }

    [Test]
    public async Task A_username_is_taken_across_customers_and_another_customers_user_is_404()
    {
        var (_, first) = await CreateCustomerAsync("First");
        var (_, second) = await CreateCustomerAsync("Second");
        var user = await CreateUserAsync(first, "unique", "admin");

        var taken = await SendAsync(HttpMethod.Post, "/v1.0/users", second,
            new JsonObject { ["username"] = "UNIQUE", ["password"] = Password, ["permission"] = "admin" });
        AssertError(taken, HttpStatusCode.BadRequest, "INVALID_ARGUMENT", "INVALID_ARGUMENT", "username 'unique' is taken");
        AssertError(await SendAsync(HttpMethod.Get, $"/v1.0/users/{user["id"]}", second), HttpStatusCode.NotFound, "NOT_FOUND", "USER_NOT_FOUND");
    }

    [Test]
    public async Task A_password_change_takes_effect_for_the_next_login()
    {
        var (_, admin) = await CreateCustomerAsync();
        var user = await CreateUserAsync(admin, "rotator", "admin");

        var (status, _) = await SendAsync(HttpMethod.Put, $"/v1.0/users/{user["id"]}/password", admin, new JsonObject { ["password"] = "a brand new secret" });

        Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await LoginAsync("rotator", Password)).Status, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That((await LoginAsync("rotator", "a brand new secret")).Status, Is.EqualTo(HttpStatusCode.OK));
    }

    private async Task<JsonNode> CreateUserAsync(string adminToken, string username, string permission)
    {
        var (status, body) = await SendAsync(HttpMethod.Post, "/v1.0/users", adminToken,
            new JsonObject { ["username"] = username, ["password"] = Password, ["permission"] = permission, ["name"] = username });
        Assert.That(status, Is.EqualTo(HttpStatusCode.OK), body?.ToJsonString());
        return body!;
    }

    private Task<(HttpStatusCode Status, JsonNode? Body)> LoginAsync(string username, string password) =>
        SendAsync(HttpMethod.Post, "/auth/login", null, new JsonObject { ["username"] = username, ["password"] = password });

    private static string Base64UrlEncode(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static string Base64UrlDecode(string text)
    {
        var padded = text.Replace('-', '+').Replace('_', '/');
        return Encoding.UTF8.GetString(Convert.FromBase64String(padded.PadRight(padded.Length + ((4 - (padded.Length % 4)) % 4), '=')));
    }
}
