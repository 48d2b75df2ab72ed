namespace AniPlanner.Api.AniPlanning;

/// <summary>The body of <c>POST /ani-planner/generate</c>; every field is optional.</summary>
public sealed class GeneratePlanRequest
{
    public string? DateStart { get; init; }
    public string? DateEnd { get; init; }
    public string? DailyDialsTarget { get; init; }
    public string? GroupBy { get; init; }
    public string? InventoryMode { get; init; }
    public List<string>? Campaigns { get; init; }
    public List<string>? CampaignsExclude { get; init; }
}

/// <summary>The body of <c>PUT /ani-planner/campaigns/{internalIdentifier}</c>.</summary>
public sealed class UpsertCampaignRequest
{
    public string? Name { get; init; }
    public string? CampaignType { get; init; }
    public List<string>? InboundCampaigns { get; init; }
}

/// <summary>The body of <c>PUT /ani-planner/settings</c>: every setting at once, null or left out taking its default.</summary>
public sealed class PlannerSettingsRequest
{
    public string? Country { get; init; }
    public string? TimeZone { get; init; }
    public string? NumberRegion { get; init; }
}

/// <summary>The body of <c>PUT /ani-planner/dispositions/{id}</c>, the dialer's shape without its id (the path says it).</summary>
public sealed class DispositionRequest
{
    public string? Name { get; init; }
    public string? Type { get; init; }
    public bool? Contact { get; init; }
    public bool? Success { get; init; }
}
