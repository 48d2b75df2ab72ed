using AniPlanner.Application.AniPlanning.Common;
using AniPlanner.Domain.AniPlanning.Dials;
using AniPlanner.Domain.AniPlanning.Regions;

namespace AniPlanner.Application.AniPlanning.GeneratePlan;

/// <summary>A plan request's options parsed once (by <see cref="PlanOptions.Parse"/>), defaults filled in.</summary>
public sealed record PlanRequestOptions(
    DateOnly Start,
    DateOnly End,
    int BizDays,
    Choice<int> DailyDialsTarget,
    Choice<DialGrouping> GroupBy,
    Choice<bool> InventoryMode,
    CampaignFilter Campaigns)
{
    /// <summary>"managed": only active, managed ANIs count; "all": every ANI not removed.</summary>
    public bool ManagedAnisOnly => InventoryMode.Value;

    /// <summary>What the arithmetic needs from the options, for a company of <paramref name="country"/>.</summary>
    public PlanBasis BasisFor(PlannerCountry country) => new(country, GroupBy.Value, BizDays, DailyDialsTarget.Value);

    /// <summary>The contract offers ZIP grouping to US and Canadian companies; the validator cannot check it, as the country is known only once resolved.</summary>
    public void EnsureGroupingFits(PlannerCountry country)
    {
        if (GroupBy.Value == DialGrouping.Zip && country == PlannerCountry.Uk)
        {
            throw AniPlanningErrors.ZipGroupingOutsideNorthAmerica();
        }
    }
}
