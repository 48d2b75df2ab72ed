using AniPlanner.Domain.AniPlanning.Campaigns;

namespace AniPlanner.Application.AniPlanning.Common;

/// <summary>Validation rules of the planner's own values, shared by its validators.</summary>
internal static class AniPlanningRules
{
    /// <summary>A campaign as the dialer names it; the campaign itself and the inbound ones it maps are checked alike.</summary>
    public static bool IsCampaignIdentifier(string? identifier) =>
        !string.IsNullOrEmpty(identifier)
        && identifier.Length <= Campaign.MaxIdentifierLength
        && identifier.All(character => char.IsAsciiLetterOrDigit(character) || character is '.' or '_' or '-');
}
