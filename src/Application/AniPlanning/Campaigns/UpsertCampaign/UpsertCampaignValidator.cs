using AniPlanner.Application.AniPlanning.Common;
using AniPlanner.Application.Common.Text;
using AniPlanner.Application.Common.Wire;
using AniPlanner.Domain.AniPlanning.Campaigns;
using FluentValidation;

namespace AniPlanner.Application.AniPlanning.Campaigns.UpsertCampaign;

public sealed class UpsertCampaignValidator : AbstractValidator<UpsertCampaign>
{
    public const int MaxInboundCampaigns = 100;

    public UpsertCampaignValidator()
    {
        RuleFor(command => command.InternalIdentifier)
            .Must(AniPlanningRules.IsCampaignIdentifier)
            .WithMessage(command => $"The campaign identifier '{EchoedInput.Shorten(command.InternalIdentifier)}' must be 1 to {Campaign.MaxIdentifierLength} letters, digits, '.', '_' or '-'.");
        RuleFor(command => command.Name)
            .NotEmpty()
            .WithMessage("name is required: the campaign's display name.")
            .MaximumLength(Campaign.MaxNameLength)
            .WithMessage($"name is longer than {Campaign.MaxNameLength} characters.");
        RuleFor(command => command.CampaignType)
            .Must(type => WireEnum<CampaignType>.TryParse(type, out _))
            .WithMessage(command => $"campaignType must be one of {WireEnum<CampaignType>.Quoted}; got '{EchoedInput.Shorten(command.CampaignType)}'.");
        RuleFor(command => command.InboundCampaigns)
            .Must(list => list is null || list.Count <= MaxInboundCampaigns)
            .WithMessage($"inboundCampaigns lists at most {MaxInboundCampaigns} campaigns.");
        RuleForEach(command => command.InboundCampaigns)
            .Must(AniPlanningRules.IsCampaignIdentifier)
            .WithMessage((_, identifier) => $"inboundCampaigns: '{EchoedInput.Shorten(identifier)}' is not a campaign identifier.");
    }
}
