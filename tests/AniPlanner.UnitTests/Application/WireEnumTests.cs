using AniPlanner.Application.Common.Wire;
using AniPlanner.Domain.AniPlanning.AniInventory;
using AniPlanner.Domain.AniPlanning.Campaigns;
using AniPlanner.Domain.Identity;

namespace AniPlanner.UnitTests.Application;

public sealed class WireEnumTests
{
    [Test]
    public void Names_are_the_members_in_lower_case_in_declaration_order()
    {
        Assert.That(WireEnum<Permission>.Names, Is.EqualTo(new[] { "admin", "manager", "planner" }));
        Assert.That(WireEnum<CampaignType>.Names, Is.EqualTo(new[] { "outbound", "autodial", "inbound" }));
        Assert.That(WireEnum<AniStatus>.Quoted, Is.EqualTo("\"active\", \"inactive\", \"removed\""));
    }

    [Test]
    public void A_wire_name_parses_to_its_member_and_back()
    {
        Assert.That(WireEnum<Permission>.TryParse("manager", out var permission), Is.True);
        Assert.That(permission, Is.EqualTo(Permission.Manager));
        Assert.That(permission.ToWire(), Is.EqualTo("manager"));
        Assert.That(WireEnum<CampaignType>.Parse("autodial"), Is.EqualTo(CampaignType.Autodial));
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("Admin")]
    [TestCase(" admin")]
    [TestCase("2")]
    public void Anything_but_the_exact_lower_case_name_is_refused(string? wire)
    {
        Assert.That(WireEnum<Permission>.TryParse(wire, out _), Is.False);
        Assert.That(() => WireEnum<Permission>.Parse(wire ?? ""), Throws.ArgumentException);
    }
}
