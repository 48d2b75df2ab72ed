using AniPlanner.Application.AniPlanning.Common;
using AniPlanner.Application.Common.Persistence;
using AniPlanner.Domain.AniPlanning.Campaigns;
using Mediator;

namespace AniPlanner.Application.AniPlanning.Campaigns.ListCampaigns;

/// <summary>Every campaign of the company, oldest first.</summary>
public sealed record ListCampaigns(Guid CustomerId) : IQuery<IReadOnlyList<CampaignDto>>;

public sealed class ListCampaignsHandler(IRepository<Campaign> campaigns) : IQueryHandler<ListCampaigns, IReadOnlyList<CampaignDto>>
{
    public async ValueTask<IReadOnlyList<CampaignDto>> Handle(ListCampaigns query, CancellationToken cancellationToken)
    {
        var all = await campaigns.ListAsync(new CampaignsOfCustomerSpec(query.CustomerId), cancellationToken);
        var byId = all.ToDictionary(campaign => campaign.Id);
        return [.. all.Select(campaign => CampaignDto.From(campaign, byId))];
    }
}
