using AniPlanner.Application.AniPlanning.Common;
using AniPlanner.Domain.AniPlanning.Campaigns;

namespace AniPlanner.Application.AniPlanning.GeneratePlan;

/// <summary>A company's campaigns as a plan sees them: all, the dialing ones it lists, and those whose dials it counts.</summary>
public sealed record CampaignSelection(IReadOnlyList<Campaign> All, IReadOnlyList<Campaign> Dialing, IReadOnlyList<Campaign> Selected)
{
    public IReadOnlyCollection<long> SelectedIds => [.. Selected.Select(campaign => campaign.Id)];

    /// <summary>
    /// Every dialing campaign is selected, so every dial the company has counts: imports take dials
    /// for dialing campaigns only, a campaign with dials cannot turn inbound, and campaigns are never deleted.
    /// </summary>
    public bool SelectsEveryDial => Selected.Count == Dialing.Count;
}

/// <summary>
/// Which campaigns' dials a plan counts: every outbound and autodial campaign, only those named in
/// <c>campaigns</c>, or all but those named in <c>campaignsExclude</c>. Inbound campaigns place
/// no dials, so naming one is a mistake, as is naming a campaign the company does not have.
/// </summary>
public sealed class CampaignFilter
{
    public static readonly CampaignFilter Everything = new("", [], include: true);

    private readonly string _field;
    private readonly IReadOnlyList<string> _identifiers;
    private readonly bool _include;

    private CampaignFilter(string field, IReadOnlyList<string> identifiers, bool include)
    {
        _field = field;
        _identifiers = identifiers;
        _include = include;
    }

    /// <summary>The request's filter: <c>campaigns</c> if it names any, else <c>campaignsExclude</c> (the validator refuses both).</summary>
    public static CampaignFilter Of(IReadOnlyList<string>? campaigns, IReadOnlyList<string>? campaignsExclude) =>
        campaigns is { Count: > 0 } ? new("campaigns", campaigns, include: true)
        : campaignsExclude is { Count: > 0 } ? new("campaignsExclude", campaignsExclude, include: false)
        : Everything;

    /// <param name="all">Every campaign of the company.</param>
    public CampaignSelection Apply(IReadOnlyList<Campaign> all)
    {
        var dialing = all.Where(campaign => campaign.PlacesDials).ToList();
        if (_identifiers.Count == 0)
        {
            return new CampaignSelection(all, dialing, dialing);
        }

        var byIdentifier = all.ToDictionary(campaign => campaign.InternalIdentifier, StringComparer.Ordinal);
        var unknown = _identifiers.Where(identifier => !byIdentifier.ContainsKey(identifier)).ToList();
        if (unknown.Count > 0)
        {
            throw AniPlanningErrors.FilterNamesUnknownCampaigns(_field, unknown);
        }

        var inbound = _identifiers.Where(identifier => !byIdentifier[identifier].PlacesDials).ToList();
        if (inbound.Count > 0)
        {
            throw AniPlanningErrors.FilterNamesInboundCampaigns(_field, inbound);
        }

        var named = _identifiers.ToHashSet(StringComparer.Ordinal);
        return new CampaignSelection(all, dialing, [.. dialing.Where(campaign => named.Contains(campaign.InternalIdentifier) == _include)]);
    }
}
