using AniPlanner.Domain.Identity;

namespace AniPlanner.UnitTests.Domain;

/// <summary>Access keys, users and customers count their changes as outplans do; a repeated delete is not a change.</summary>
public sealed class IdentityVersionTests
{
    private static readonly DateTime Now = new(2026, 11, 23, 10, 0, 0, DateTimeKind.Utc);

    [Test]
    public void An_access_key_advances_its_version_on_each_change()
    {
        var (key, _) = AccessKey.Issue(Guid.NewGuid(), "k", "", Permission.Planner, Now);

        var versions = VersionsAfter(() => key.Version,
            () => key.UpdateBasicInfo("renamed", "", Now.AddHours(1)),
            () => key.Delete(Now.AddHours(2)),
            () => key.Delete(Now.AddHours(3)));

        Assert.That(versions, Is.EqualTo(new[] { 0, 1, 2, 2 }));
        Assert.That((key.TmDelete, key.TmUpdate), Is.EqualTo(((DateTime?)Now.AddHours(2), (DateTime?)Now.AddHours(2))));
    }

    [Test]
    public void A_user_advances_its_version_on_each_change()
    {
        var user = User.Create(Guid.NewGuid(), "pat", "hash", Permission.Planner, "Pat", "", Now);

        var versions = VersionsAfter(() => user.Version,
            () => user.UpdateBasicInfo("Pat", "", Permission.Manager, Now.AddHours(1)),
            () => user.SetPasswordHash("other", Now.AddHours(2)),
            () => user.Delete(Now.AddHours(3)),
            () => user.Delete(Now.AddHours(4)));

        Assert.That(versions, Is.EqualTo(new[] { 0, 1, 2, 3, 3 }));
    }

    [Test]
    public void A_customer_advances_its_version_on_each_change()
    {
        var customer = Customer.Create("Acme", "", Now);

        var versions = VersionsAfter(() => customer.Version,
            () => customer.UpdateBasicInfo("Acme Dialers", "", Now.AddHours(1)),
            () => customer.Delete(Now.AddHours(2)),
            () => customer.Delete(Now.AddHours(3)));

        Assert.That(versions, Is.EqualTo(new[] { 0, 1, 2, 2 }));
    }

    /// <summary>The version before the changes, then after each one.</summary>
    private static List<int> VersionsAfter(Func<int> version, params Action[] changes)
    {
        var versions = new List<int> { version() };
        foreach (var change in changes)
        {
            change();
            versions.Add(version());
        }

        return versions;
    }
}
