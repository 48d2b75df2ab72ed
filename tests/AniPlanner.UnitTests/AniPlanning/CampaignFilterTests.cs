using AniPlanner.Application.AniPlanning.GeneratePlan;
using AniPlanner.Application.Common.Exceptions;
using AniPlanner.Domain.AniPlanning.Campaigns;

namespace AniPlanner.UnitTests.AniPlanning;

public sealed class CampaignFilterTests
{
    private static readonly DateTime Now = new(2026, 5, 20, 12, 0, 0, DateTimeKind.Utc);
    private static readonly Guid Company = Guid.NewGuid();

    /// <summary>Two outbound campaigns, one autodial and one inbound, numbered 1 to 4.</summary>
    private static readonly IReadOnlyList<Campaign> All =
    [
        Campaign.Create(Company, 1, "sales", "Sales", CampaignType.Outbound, Now),
        Campaign.Create(Company, 2, "renewals", "Renewals", CampaignType.Autodial, Now),
        Campaign.Create(Company, 3, "callbacks", "Callbacks", CampaignType.Inbound, Now),
        Campaign.Create(Company, 4, "winback", "Win-back", CampaignType.Outbound, Now),
    ];

    private static IEnumerable<string> Identifiers(IEnumerable<Campaign> campaigns) => campaigns.Select(campaign => campaign.InternalIdentifier);

    [TestCase(null, null)]
    [TestCase(new string[0], null)]
    [TestCase(null, new string[0])]
    public void Without_a_filter_every_dialing_campaign_counts(string[]? campaigns, string[]? campaignsExclude)
    {
        var selection = CampaignFilter.Of(campaigns, campaignsExclude).Apply(All);

        Assert.Multiple(() =>
        {
            Assert.That(Identifiers(selection.Dialing), Is.EqualTo(new[] { "sales", "renewals", "winback" }), "inbound places no dials");
            Assert.That(Identifiers(selection.Selected), Is.EqualTo(new[] { "sales", "renewals", "winback" }));
            Assert.That(selection.All, Has.Count.EqualTo(4));
        });
    }

    [Test]
    public void Campaigns_keeps_only_the_named_ones_in_the_companys_order()
    {
        var selection = CampaignFilter.Of(["winback", "sales"], null).Apply(All);

        Assert.Multiple(() =>
        {
            Assert.That(Identifiers(selection.Selected), Is.EqualTo(new[] { "sales", "winback" }));
            Assert.That(Identifiers(selection.Dialing), Is.EqualTo(new[] { "sales", "renewals", "winback" }), "the plan still lists every dialing campaign");
        });
    }

    [Test]
    public void Campaigns_exclude_keeps_every_dialing_campaign_but_the_named_ones()
    {
        // An empty campaigns list is no filter: campaignsExclude applies.
        var selection = CampaignFilter.Of([], ["renewals"]).Apply(All);

        Assert.That(Identifiers(selection.Selected), Is.EqualTo(new[] { "sales", "winback" }));
    }

    [TestCase("campaigns")]
    [TestCase("campaignsExclude")]
    public void Unknown_campaigns_are_refused_naming_the_field_and_each_of_them(string field)
    {
        string[] named = ["sales", "nope", "Sales"];
        var filter = field == "campaigns" ? CampaignFilter.Of(named, null) : CampaignFilter.Of(null, named);

        Assert.That(() => filter.Apply(All), Throws.TypeOf<BadRequestException>()
            .With.Message.EqualTo($"{field}: 'nope', 'Sales' are not campaigns of this company."));
    }

    [Test]
    public void An_inbound_campaign_is_refused_since_it_places_no_dials() =>
        Assert.That(() => CampaignFilter.Of(["callbacks"], null).Apply(All), Throws.TypeOf<BadRequestException>()
            .With.Message.EqualTo("campaigns: 'callbacks' is an inbound campaign; filters take outbound or autodial campaigns."));
}
