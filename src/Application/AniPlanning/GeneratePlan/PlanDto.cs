using AniPlanner.Application.AniPlanning.Common;
using AniPlanner.Application.Common.Wire;
using AniPlanner.Domain.AniPlanning.Regions;

namespace AniPlanner.Application.AniPlanning.GeneratePlan;

/// <summary>The plan, field for field (and in order) as the ANI Planner contract shows it.</summary>
public sealed class PlanDto
{
    public string Country { get; init; } = "";
    public string DateStart { get; init; } = "";
    public string DateEnd { get; init; } = "";
    public int BizDays { get; init; }
    public int DailyDialsTarget { get; init; }
    public string GroupBy { get; init; } = "";
    public string InventoryMode { get; init; } = "";
    public IReadOnlyList<RegionStatDto> RegionStats { get; init; } = [];
    public long TotalDials { get; init; }
    public long TotalContacts { get; init; }
    public decimal OverallContactRate { get; init; }
    public int TotalCurrentAnis { get; init; }
    public int TotalProposedAnis { get; init; }
    public int AniDifference { get; init; }
    public bool MissingZipData { get; init; }
    public int TollFreeRecommendation { get; init; }

    /// <summary>The company's numbers of the campaigns the plan counted (their <c>id</c> in <see cref="Campaigns"/>).</summary>
    public IReadOnlyList<long> SelectedCampaigns { get; init; } = [];

    public IReadOnlyList<CampaignDto> Campaigns { get; init; } = [];

    /// <summary>
    /// Beyond the contract: dials in range that fit no row (unknown or foreign numbers, missing
    /// ZIPs), so none is silently lost. Not part of <see cref="TotalDials"/>.
    /// </summary>
    public long UnmappedDials { get; init; }

    /// <summary>The plan from its parts: the options as parsed, whose it is, its figures and the campaigns it counted.</summary>
    public static PlanDto From(PlanRequestOptions options, PlannerCountry country, PlanFigures figures, CampaignSelection campaigns)
    {
        var byId = campaigns.All.ToDictionary(campaign => campaign.Id);
        return new PlanDto
        {
            Country = country.ToWire(),
            DateStart = PlanOptions.Format(options.Start),
            DateEnd = PlanOptions.Format(options.End),
            BizDays = options.BizDays,
            DailyDialsTarget = options.DailyDialsTarget.Value,
            GroupBy = options.GroupBy.Name,
            InventoryMode = options.InventoryMode.Name,
            RegionStats = figures.RegionStats,
            TotalDials = figures.TotalDials,
            TotalContacts = figures.TotalContacts,
            OverallContactRate = figures.OverallContactRate,
            TotalCurrentAnis = figures.TotalCurrentAnis,
            TotalProposedAnis = figures.TotalProposedAnis,
            AniDifference = figures.AniDifference,
            MissingZipData = figures.MissingZipData,
            TollFreeRecommendation = figures.TollFreeRecommendation,
            SelectedCampaigns = [.. campaigns.Selected.Select(campaign => campaign.Number)],
            Campaigns = [.. campaigns.Dialing.Select(campaign => CampaignDto.From(campaign, byId))],
            UnmappedDials = figures.UnmappedDials,
        };
    }
}

public sealed record RegionStatDto(
    string Region,
    string State,
    IReadOnlyList<string> AreaCodes,
    int DailyDialsAverage,
    int CurrentAnis,
    int ProposedAnis,
    int Difference);
