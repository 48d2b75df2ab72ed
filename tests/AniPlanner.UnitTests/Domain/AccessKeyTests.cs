using AniPlanner.Domain.Identity;

namespace AniPlanner.UnitTests.Domain;

public sealed class AccessKeyTests
{
    private static readonly DateTime Now = new(2026, 11, 23, 10, 0, 0, DateTimeKind.Utc);

    [Test]
    public void An_issued_token_is_prefixed_random_and_kept_only_as_its_hash()
    {
        var (key, token) = AccessKey.Issue(Guid.NewGuid(), "default", "", Permission.Admin, Now);
        var (_, other) = AccessKey.Issue(Guid.NewGuid(), "default", "", Permission.Admin, Now);

        Assert.Multiple(() =>
        {
            Assert.That(token, Does.StartWith(AccessKey.TokenPrefix).And.Length.EqualTo(AccessKey.TokenPrefix.Length + 43));
            Assert.That(other, Is.Not.EqualTo(token));
            Assert.That(key.TokenHash, Is.EqualTo(AccessKey.HashToken(token)).And.Length.EqualTo(64));
            Assert.That(key.TokenHash, Does.Not.Contain(token[AccessKey.TokenPrefix.Length..]));
            Assert.That(token, Does.StartWith(key.TokenHint));
        });
    }

    [TestCase("anip_demo_2f6c1e0b7a9d4c38", "anip_demo")]
    [TestCase("my-own-demo-key-0123456789", "my-o")]
    [TestCase("short-demo-key", "")]
    [TestCase("anip_x", "")]
    public void The_hint_lists_show_gives_away_little_of_a_configured_token(string token, string hint) =>
        Assert.That(AccessKey.FromToken(Guid.NewGuid(), "demo", "", Permission.Admin, token, Now).TokenHint, Is.EqualTo(hint));

    [Test]
    public void The_hash_is_sha256_hex()
    {
        // SHA-256("abc"), a published test vector.
        Assert.That(AccessKey.HashToken("abc"), Is.EqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
    }

    [Test]
    public void A_key_is_usable_until_it_expires()
    {
        var key = AccessKey.FromToken(Guid.NewGuid(), "demo", "", Permission.Planner, "anip_demo", Now, expires: Now.AddDays(1));

        Assert.That(key.IsUsableAt(Now.AddHours(23)), Is.True);
        Assert.That(key.IsUsableAt(Now.AddDays(1)), Is.False);
    }
}
