using AniPlanner.Application.AniPlanning.Common;
using AniPlanner.Application.Common.Persistence;
using AniPlanner.Application.Common.Wire;
using AniPlanner.Domain.AniPlanning.Campaigns;
using AniPlanner.Domain.AniPlanning.Dials;
using AniPlanner.Domain.Common;
using Mediator;

namespace AniPlanner.Application.AniPlanning.Campaigns.UpsertCampaign;

/// <summary>Creates or updates the campaign the dialer knows as <see cref="InternalIdentifier"/>.</summary>
public sealed record UpsertCampaign(Guid CustomerId, string InternalIdentifier, string? Name, string? CampaignType, IReadOnlyList<string>? InboundCampaigns)
    : ICommand<CampaignDto>;

public sealed class UpsertCampaignHandler(IRepository<Campaign> campaigns, IRepository<DialRollup> rollups, TimeProvider clock)
    : ICommandHandler<UpsertCampaign, CampaignDto>
{
    /// <summary>
    /// Two simultaneous creates in one company may pick the same next number, or both create the
    /// same identifier: the one that saves second loses on a unique key and runs again, taking the
    /// next number or updating the campaign the other created.
    /// </summary>
    public async ValueTask<CampaignDto> Handle(UpsertCampaign command, CancellationToken cancellationToken) =>
        await campaigns.RetryOnWriteConflictAsync(() => UpsertAsync(command, cancellationToken), cancellationToken);

    private async Task<CampaignDto> UpsertAsync(UpsertCampaign command, CancellationToken cancellationToken)
    {
        var now = Timestamps.Now(clock);
        var type = WireEnum<CampaignType>.Parse(command.CampaignType!);
        var all = await campaigns.ListAsync(new CampaignsOfCustomerSpec(command.CustomerId), cancellationToken);
        var byIdentifier = all.ToDictionary(campaign => campaign.InternalIdentifier, StringComparer.Ordinal);

        var inbound = new List<Campaign>();
        foreach (var identifier in (command.InboundCampaigns ?? []).Distinct(StringComparer.Ordinal))
        {
            inbound.Add(byIdentifier.GetValueOrDefault(identifier)
                ?? throw AniPlanningErrors.InboundCampaignUnknown(identifier));
        }

        if (type != CampaignType.Inbound && byIdentifier.TryGetValue(command.InternalIdentifier, out var current)
            && current.Type == CampaignType.Inbound
            && all.FirstOrDefault(other => other.InboundCampaignIds.Contains(current.Id)) is { } mapper)
        {
            throw AniPlanningErrors.InboundCampaignMapped(command.InternalIdentifier, mapper.InternalIdentifier);
        }

        var campaign = await campaigns.FirstOrDefaultAsync(new CampaignByIdentifierSpec(command.CustomerId, command.InternalIdentifier), cancellationToken);

        // Plans count outbound and autodial dials only: turning such a campaign inbound would
        // silently drop the dials it already has.
        if (campaign is { PlacesDials: true } && type == CampaignType.Inbound
            && await rollups.AnyAsync(new RollupsOfCampaignSpec(command.CustomerId, campaign.Id), cancellationToken))
        {
            throw AniPlanningErrors.CampaignHasDials(command.InternalIdentifier);
        }

        if (campaign is null)
        {
            campaign = Campaign.Create(command.CustomerId, Campaign.NextNumber(all), command.InternalIdentifier, command.Name!.Trim(), type, now);
            campaigns.Add(campaign);
        }
        else
        {
            campaign.Update(command.Name!.Trim(), type, now);
        }

        campaign.MapInbound(inbound);
        await campaigns.SaveChangesAsync(cancellationToken);

        var byId = all.Where(other => other.Id != campaign.Id).Append(campaign).ToDictionary(other => other.Id);
        return CampaignDto.From(campaign, byId);
    }
}
