using AniPlanner.Application.Common.Wire;
using AniPlanner.Domain.AniPlanning.Campaigns;

namespace AniPlanner.Application.AniPlanning.Common;

/// <summary>
/// A campaign in the ANI Planner contract's <c>campaigns[]</c> shape. Its <c>id</c> and the
/// inbound ids are the company's own campaign numbers, never storage keys.
/// </summary>
public sealed record CampaignDto(
    long Id,
    string Name,
    string InternalIdentifier,
    string CampaignType,
    IReadOnlyList<long> InboundCampaignIds,
    IReadOnlyList<string> InboundCampaignNames)
{
    /// <summary>Built against all of the company's campaigns (by storage key), which number and name the mapped inbound ones.</summary>
    public static CampaignDto From(Campaign campaign, IReadOnlyDictionary<long, Campaign> byId)
    {
        // Campaigns are never deleted, so every mapped one is among them.
        var inbound = campaign.InboundCampaignIds.Select(id => byId[id]).OrderBy(mapped => mapped.Number).ToList();
        return new CampaignDto(
            campaign.Number,
            campaign.Name,
            campaign.InternalIdentifier,
            campaign.Type.ToWire(),
            [.. inbound.Select(mapped => mapped.Number)],
            [.. inbound.Select(mapped => mapped.Name)]);
    }
}
