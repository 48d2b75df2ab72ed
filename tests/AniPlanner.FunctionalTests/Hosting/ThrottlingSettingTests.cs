using AniPlanner.FunctionalTests.Infrastructure;

namespace AniPlanner.FunctionalTests.Hosting;

/// <summary>A throttling number that cannot work, or a key of the lock it replaced, stops start-up saying what to fix.</summary>
public sealed class ThrottlingSettingTests
{
    [TestCase("Auth:Throttling:FreeLoginFailures", "0", "Auth:Throttling:FreeLoginFailures must be at least 1.")]
    [TestCase("Auth:Throttling:FirstDelaySeconds", "901", "Auth:Throttling:FirstDelaySeconds must be at least 1 and at most Auth:Throttling:MaxDelaySeconds.")]
    [TestCase("Auth:Throttling:LoginFailuresPerUsername", "5", "must be more than Auth:Throttling:FreeLoginFailures: otherwise one address locks a user out everywhere")]
    [TestCase("Auth:Throttling:FailuresPerAddress", "0", "Auth:Throttling:FailuresPerAddress must be at least 1.")]
    [TestCase("Auth:Throttling:WindowMinutes", "0", "Auth:Throttling:WindowMinutes must be at least 1.")]
    [TestCase("Auth:LoginFailuresPerIp", "20", "are no longer read: login throttling is configured under Auth:Throttling")]
    public async Task A_setting_that_cannot_work_stops_start_up_saying_what_to_fix(string key, string value, string message)
    {
        await using var database = new SqliteTestDatabase();
        await using var factory = new AniPlannerFactory(database, new Dictionary<string, string?> { [key] = value });

        var failure = Assert.Catch(() => factory.CreateClient().Dispose());

        Assert.That(failure!.Message, Does.Contain(message));
    }
}
