using AniPlanner.Domain.AniPlanning.Campaigns;
using AniPlanner.Domain.Common;

namespace AniPlanner.UnitTests.Domain;

public sealed class CampaignNumberTests
{
    private static readonly DateTime Now = new(2026, 11, 23, 10, 0, 0, DateTimeKind.Utc);
    private static readonly Guid Company = Guid.NewGuid();

    [Test]
    public void A_company_numbers_its_first_campaign_1_and_each_next_one_past_its_highest()
    {
        Assert.That(Campaign.NextNumber([]), Is.EqualTo(1));

        var campaigns = new[] { Create(1, "a"), Create(4, "b"), Create(2, "c") };

        Assert.That(Campaign.NextNumber(campaigns), Is.EqualTo(5));
    }

    [TestCase(0)]
    [TestCase(-1)]
    public void Numbers_start_at_1(long number) => Assert.Throws<DomainException>(() => Create(number, "a"));

    private static Campaign Create(long number, string identifier) => Campaign.Create(Company, number, identifier, identifier, CampaignType.Outbound, Now);
}
