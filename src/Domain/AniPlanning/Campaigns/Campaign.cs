using AniPlanner.Domain.Common;

namespace AniPlanner.Domain.AniPlanning.Campaigns;

public enum CampaignType
{
    Outbound,
    Autodial,
    Inbound,
}

/// <summary>
/// A dialer campaign, known to the dialer by its internal identifier. Outbound and autodial
/// campaigns place the dials a plan is made from; they may map inbound campaigns (callbacks).
/// </summary>
public sealed class Campaign : IAuditedResource
{
    public const int MaxIdentifierLength = 100;
    public const int MaxNameLength = 255;

    private Campaign()
    {
    }

    /// <summary>
    /// The storage key, which dials and rollups refer to. Never on the wire: it is one sequence
    /// for every company, so it would let a company count everyone's campaigns.
    /// </summary>
    public long Id { get; private set; }

    /// <summary>
    /// The campaign's numeric id in the ANI Planner contract: 1, 2, 3… in the order its company
    /// created its campaigns, unique within the company.
    /// </summary>
    public long Number { get; private set; }

    public Guid CustomerId { get; private set; }
    public string InternalIdentifier { get; private set; } = "";
    public string Name { get; private set; } = "";
    public CampaignType Type { get; private set; }

    /// <summary>The storage keys (<see cref="Id"/>) of the mapped inbound campaigns, ascending.</summary>
    public List<long> InboundCampaignIds { get; private set; } = [];
    public DateTime TmCreate { get; private set; }
    public DateTime? TmUpdate { get; private set; }

    public bool PlacesDials => Type is CampaignType.Outbound or CampaignType.Autodial;

    /// <param name="number">The company's next number: <see cref="NextNumber"/> of the campaigns it has.</param>
    public static Campaign Create(Guid customerId, long number, string internalIdentifier, string name, CampaignType type, DateTime now)
    {
        if (number < 1)
        {
            throw new DomainException($"Campaign numbers start at 1; got {number}.");
        }

        return new Campaign
        {
            CustomerId = customerId,
            Number = number,
            InternalIdentifier = internalIdentifier,
            Name = name,
            Type = type,
            TmCreate = now,
        };
    }

    /// <summary>The number a company's next campaign gets: one more than the highest it has, 1 for its first.</summary>
    public static long NextNumber(IEnumerable<Campaign> companyCampaigns) =>
        companyCampaigns.Select(campaign => campaign.Number).DefaultIfEmpty(0).Max() + 1;

    /// <summary>By the company's own identifier: the one its people know it by.</summary>
    public AuditedAs AuditedAs() => new(CustomerId, "campaign", InternalIdentifier);

    public void Update(string name, CampaignType type, DateTime now)
    {
        Name = name;
        Type = type;
        TmUpdate = now;
    }

    /// <summary>Maps the inbound campaigns that answer this campaign's callbacks.</summary>
    public void MapInbound(IReadOnlyCollection<Campaign> inbound)
    {
        if (inbound.Count > 0 && !PlacesDials)
        {
            throw new DomainException($"Campaign '{InternalIdentifier}' is inbound; only outbound and autodial campaigns map inbound ones.");
        }

        // The campaign itself may have been inbound until this update; it is not any more.
        if (Id != 0 && inbound.Any(campaign => campaign.Id == Id))
        {
            throw new DomainException($"Campaign '{InternalIdentifier}' cannot map itself: it is not inbound.");
        }

        if (inbound.FirstOrDefault(campaign => campaign.Type != CampaignType.Inbound) is { } notInbound)
        {
            throw new DomainException($"Campaign '{notInbound.InternalIdentifier}' is not inbound, so it cannot be mapped as one.");
        }

        InboundCampaignIds = [.. inbound.Select(campaign => campaign.Id).Distinct().Order()];
    }
}
