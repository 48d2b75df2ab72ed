using AniPlanner.Application.Common.Exceptions;
using AniPlanner.Application.Common.Text;

namespace AniPlanner.Application.AniPlanning.Common;

/// <summary>The ANI Planner's refusals that only the data can tell (the validators catch the rest), each worded once.</summary>
internal static class AniPlanningErrors
{
    public static BadRequestException InboundCampaignUnknown(string identifier) =>
        new($"inboundCampaigns: '{identifier}' is not a campaign of this company; create it (campaignType \"inbound\") first.");

    public static BadRequestException InboundCampaignMapped(string identifier, string mappedBy) =>
        new($"Campaign '{identifier}' is mapped as inbound by '{mappedBy}'; remove that mapping before changing its type.");

    public static BadRequestException CampaignHasDials(string identifier) =>
        new($"Campaign '{identifier}' has dials, so it stays outbound or autodial.");

    public static BadRequestException ZipGroupingOutsideNorthAmerica() =>
        new("groupBy \"zip\" is for US and Canadian companies; this company's country is uk. Use \"area_code\" or \"ani\".");

    public static BadRequestException FilterNamesUnknownCampaigns(string field, IReadOnlyCollection<string> identifiers) =>
        new($"{field}: {Quoted(identifiers)} {(identifiers.Count == 1 ? "is not a campaign" : "are not campaigns")} of this company.");

    public static BadRequestException FilterNamesInboundCampaigns(string field, IReadOnlyCollection<string> identifiers) =>
        new($"{field}: {Quoted(identifiers)} {(identifiers.Count == 1 ? "is an inbound campaign" : "are inbound campaigns")}; filters take outbound or autodial campaigns.");

    public static NotFoundException DispositionNotFound(string identifier) =>
        new(ErrorReasons.DispositionNotFound, $"Disposition '{EchoedInput.Shorten(identifier)}' was not found: declare it with PUT /ani-planner/dispositions/{{id}}.");

    public static BadRequestException DispositionNameTaken(string name, string holder) =>
        new($"name '{EchoedInput.Shorten(name)}' is disposition '{EchoedInput.Shorten(holder)}''s (names are matched case-insensitively, as dials are): "
            + "change that one, or delete it first.");

    private static string Quoted(IEnumerable<string> identifiers) => string.Join(", ", identifiers.Select(identifier => $"'{EchoedInput.Shorten(identifier)}'"));
}
