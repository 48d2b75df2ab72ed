using AniPlanner.Application.Common.Specifications;
using AniPlanner.Domain.AniPlanning.AniInventory;
using AniPlanner.Domain.AniPlanning.Campaigns;
using AniPlanner.Domain.AniPlanning.Dials;
using AniPlanner.Domain.AniPlanning.Dispositions;
using AniPlanner.Domain.AniPlanning.Settings;

namespace AniPlanner.Application.AniPlanning.Common;

public sealed class AnisOfCustomerSpec : Specification<Ani>
{
    public AnisOfCustomerSpec(Guid customerId) => Query.Where(ani => ani.CustomerId == customerId);
}

public sealed class AnisPageSpec : Specification<Ani>
{
    public AnisPageSpec(Guid customerId, int skip, int take) =>
        Query.Where(ani => ani.CustomerId == customerId).OrderBy(ani => ani.Number).Skip(skip).Take(take).AsNoTracking();
}

public sealed class AnisByNumbersSpec : Specification<Ani>
{
    public AnisByNumbersSpec(Guid customerId, IReadOnlyCollection<string> numbers) =>
        Query.Where(ani => ani.CustomerId == customerId && numbers.Contains(ani.Number));
}

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

public sealed class PlannerSettingsOfCustomerSpec : Specification<PlannerSettings>
{
    public PlannerSettingsOfCustomerSpec(Guid customerId) => Query.Where(settings => settings.CustomerId == customerId);
}

/// <summary>Every disposition of a company, by name.</summary>
public sealed class DispositionsOfCustomerSpec : Specification<Disposition>
{
    public DispositionsOfCustomerSpec(Guid customerId) =>
        Query.Where(disposition => disposition.CustomerId == customerId).OrderBy(disposition => disposition.NameKey).AsNoTracking();
}

public sealed class DispositionByIdentifierSpec : Specification<Disposition>
{
    public DispositionByIdentifierSpec(Guid customerId, string identifier) =>
        Query.Where(disposition => disposition.CustomerId == customerId && disposition.Identifier == identifier);
}

public sealed class DispositionByNameSpec : Specification<Disposition>
{
    public DispositionByNameSpec(Guid customerId, string name)
    {
        var key = Disposition.KeyOf(name);
        Query.Where(disposition => disposition.CustomerId == customerId && disposition.NameKey == key);
    }
}
