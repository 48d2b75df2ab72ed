using AniPlanner.Application.Common.Specifications;
using AniPlanner.Domain.AniPlanning.Campaigns;
using AniPlanner.Domain.AniPlanning.Dials;

namespace AniPlanner.Application.AniPlanning.Campaigns.Common;

/// <summary>Every campaign of a company, by its number (oldest first).</summary>
public sealed class CampaignsOfCustomerSpec : Specification<Campaign>
{
    public CampaignsOfCustomerSpec(Guid customerId) =>
        Query.Where(campaign => campaign.CustomerId == customerId).OrderBy(campaign => campaign.Number).AsNoTracking();
}

public sealed class CampaignByIdentifierSpec : Specification<Campaign>
{
    public CampaignByIdentifierSpec(Guid customerId, string internalIdentifier) =>
        Query.Where(campaign => campaign.CustomerId == customerId && campaign.InternalIdentifier == internalIdentifier);
}

public sealed class RollupsOfCampaignSpec : Specification<DialRollup>
{
    public RollupsOfCampaignSpec(Guid customerId, long campaignId) =>
        Query.Where(rollup => rollup.CustomerId == customerId && rollup.CampaignId == campaignId && rollup.Dials > 0);
}
