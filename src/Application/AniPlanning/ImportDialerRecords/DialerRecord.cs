namespace AniPlanner.Application.AniPlanning.ImportDialerRecords;

/// <summary>
/// One dial as dialers export it (outboundIQ's Dials API record), the fields this service reads;
/// the others (agent_name, skill_name, lead_source, total_dial_attempts,
/// sys_created_date_original) are accepted and ignored. A record the body reader could not read
/// carries <see cref="ReadError"/> instead.
/// </summary>
public sealed record DialerRecord
{
    public string? DialId { get; init; }
    public string? CampaignId { get; init; }
    public string? CampaignName { get; init; }
    public string? Ani { get; init; }
    public string? DispositionName { get; init; }
    public string? ProspectPhone { get; init; }
    public string? DateTime { get; init; }
    public string? CallDirection { get; init; }
    public string? Zip { get; init; }
    public string? ReadError { get; init; }
}
