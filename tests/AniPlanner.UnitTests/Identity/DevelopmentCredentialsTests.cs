using System.Text.Json;
using AniPlanner.Application.Identity.Common;

namespace AniPlanner.UnitTests.Identity;

public sealed class DevelopmentCredentialsTests
{
    [Test]
    public void They_are_exactly_the_ones_committed_in_appsettings_Development()
    {
        using var settings = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryRoot(), "src", "Api", "appsettings.Development.json")));
        var seed = settings.RootElement.GetProperty("Seed");

        Assert.Multiple(() =>
        {
            Assert.That(seed.GetProperty("DemoApiKey").GetString(), Is.EqualTo(DevelopmentCredentials.AccessKeyToken));
            Assert.That(seed.GetProperty("DemoPassword").GetString(), Is.EqualTo(DevelopmentCredentials.DemoUserPassword));
            Assert.That(settings.RootElement.GetProperty("Auth").GetProperty("JwtSigningKey").GetString(), Is.EqualTo(DevelopmentCredentials.JwtSigningKey));
        });
    }

    [Test]
    public void Outside_Development_they_are_refused_and_nothing_else_is()
    {
        var elsewhere = new DevelopmentCredentials(accepted: false);
        var development = new DevelopmentCredentials(accepted: true);

        Assert.Multiple(() =>
        {
            Assert.That(elsewhere.RefusesToken(DevelopmentCredentials.AccessKeyToken), Is.True);
            Assert.That(elsewhere.RefusesPassword(DevelopmentCredentials.DemoUserPassword), Is.True);
            Assert.That(elsewhere.RefusesToken("anip_demo_2f6c1e0b7a9d4c39"), Is.False);
            Assert.That(elsewhere.RefusesPassword("demo-admin-password "), Is.False);
            Assert.That(development.RefusesToken(DevelopmentCredentials.AccessKeyToken), Is.False);
            Assert.That(development.RefusesPassword(DevelopmentCredentials.DemoUserPassword), Is.False);
            Assert.That(elsewhere.RefusesSigningKey(DevelopmentCredentials.JwtSigningKey), Is.True);
            Assert.That(elsewhere.RefusesSigningKey(DevelopmentCredentials.JwtSigningKey + "x"), Is.False);
            Assert.That(development.RefusesSigningKey(DevelopmentCredentials.JwtSigningKey), Is.False);
        });
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "AniPlanner.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("The tests run outside the repository.");
    }
}
