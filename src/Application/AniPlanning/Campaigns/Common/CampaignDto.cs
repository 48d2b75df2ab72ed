using AniPlanner.Domain.AniPlanning.Campaigns;

namespace AniPlanner.Application.AniPlanning.Campaigns.Common;

/// <summary>A campaign in the ANI Planner contract's <c>campaigns[]</c> shape.</summary>
public sealed record CampaignDto(
    long Id,
    string Name,
    string InternalIdentifier,
    string CampaignType,
    IReadOnlyList<long> InboundCampaignIds,
    IReadOnlyList<string> InboundCampaignNames)
{
    /// <summary>Built against all of the company's campaigns, which name the mapped inbound ones.</summary>
    public static CampaignDto From(Campaign campaign, IReadOnlyDictionary<long, Campaign> byId) => new(
        campaign.Id,
        campaign.Name,
        campaign.InternalIdentifier,
        CampaignTypes.ToWire(campaign.Type),
        campaign.InboundCampaignIds,
        [.. campaign.InboundCampaignIds.Select(id => byId.TryGetValue(id, out var inbound) ? inbound.Name : "")]);
}

public static class CampaignTypes
{
    public static readonly IReadOnlyList<string> Wire = ["outbound", "autodial", "inbound"];

    public static string ToWire(CampaignType type) => type.ToString().ToLowerInvariant();

    public static CampaignType Parse(string wire) => Enum.Parse<CampaignType>(wire, ignoreCase: true);
}
