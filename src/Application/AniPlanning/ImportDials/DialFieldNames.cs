namespace AniPlanner.Application.AniPlanning.ImportDials;

/// <summary>
/// What the fields of a dial record are called in the format it came in, so a rejected row is
/// told about the field it sent: the ANI Planner's own records, or the dialer records of
/// <c>POST /dials</c>.
/// </summary>
public sealed record DialFieldNames(
    string CallId, string Campaign, string DialedAt, string ProspectNumber, string AniNumber, string ProspectZip, string Disposition, string MissingOutcome)
{
    public static readonly DialFieldNames AniPlanner = new(
        "callId", "campaign", "dialedAt", "prospectNumber", "aniNumber", "prospectZip", "dispositionName",
        "contacted is required: true when the call reached the prospect, else false.");

    public static readonly DialFieldNames Dialer = new(
        "dial_id", "campaign_id", "datetime", "prospect_phone", "ani", "zip", "disposition_name",
        "disposition_name is required: the call's outcome as the dialer names it (\"Answering Machine\", \"Sale\"); its disposition's contact flag says whether the call reached the prospect.");
}

/// <summary>What an import needs of a disposition: its storage key and whether a call ending so is a contact.</summary>
public readonly record struct DispositionFlag(long Id, bool Contact);
