using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using AniPlanner.FunctionalTests.Infrastructure;

namespace AniPlanner.FunctionalTests.Identity;

/// <summary>
/// A wrong password for a real user and any password for an unknown one take the same time, so
/// timing a login does not tell which usernames exist.
/// </summary>
public sealed class LoginTimingTests(DatabaseKind kind) : ApiTestBase(kind)
{
    private const int Samples = 40;
    private const int WarmUps = 3;

    [Test]
    public async Task A_wrong_password_takes_as_long_as_an_unknown_user()
    {
        // Every sample is a failure from one address: throttling must not cut the series short.
        await using var unthrottled = new AniPlannerFactory(Factory.Database, new Dictionary<string, string?>
        {
            ["Auth:Throttling:FreeLoginFailures"] = "100000",
            ["Auth:Throttling:LoginFailuresPerUsername"] = "1000000",
            ["Auth:Throttling:FailuresPerAddress"] = "100000",
        });
        using var client = unthrottled.CreateClient();
        var (_, admin) = await CreateCustomerAsync();
        var (created, user) = await SendAsync(HttpMethod.Post, "/v1.0/users", admin,
            new JsonObject { ["username"] = "timed", ["password"] = "the real password", ["permission"] = "planner" });
        Assert.That(created, Is.EqualTo(HttpStatusCode.OK), user?.ToJsonString());

        async Task<double> LoginMilliseconds(string username)
        {
            var clock = Stopwatch.StartNew();
            using var response = await client.PostAsync("/auth/login", JsonContent(new JsonObject { ["username"] = username, ["password"] = "a wrong password" }));
            var elapsed = clock.Elapsed.TotalMilliseconds;
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
            return elapsed;
        }

        var existing = new List<double>();
        var unknown = new List<double>();
        for (var sample = -WarmUps; sample < Samples; sample++)
        {
            // Interleaved, each going first half the time, so drift in the machine's load hits both alike.
            var (first, second) = sample % 2 == 0 ? ("timed", "nobody-by-that-name") : ("nobody-by-that-name", "timed");
            var firstTime = await LoginMilliseconds(first);
            var secondTime = await LoginMilliseconds(second);
            if (sample >= 0)
            {
                (first == "timed" ? existing : unknown).Add(firstTime);
                (second == "timed" ? existing : unknown).Add(secondTime);
            }
        }

        var ratio = Median(unknown) / Median(existing);
        var measured = $"median of {Samples}: unknown user {Median(unknown):F1} ms, wrong password {Median(existing):F1} ms, ratio {ratio:F2}";
        await TestContext.Out.WriteLineAsync(measured);
        Assert.That(ratio, Is.InRange(0.7, 1.4), measured);
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return (sorted[(sorted.Count - 1) / 2] + sorted[sorted.Count / 2]) / 2;
    }

    private static StringContent JsonContent(JsonNode body) => new(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json");
}
