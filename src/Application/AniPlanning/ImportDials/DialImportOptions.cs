namespace AniPlanner.Application.AniPlanning.ImportDials;

/// <summary>
/// Limits that keep a dial import's memory bounded by configuration, whatever the shape of the
/// request: no row, and no list of rejections, grows with what a client sends.
/// </summary>
public sealed class DialImportOptions
{
    public const string Section = "DialImport";

    /// <summary>
    /// The longest dial row: an NDJSON line or CSV record in characters, a JSON array element in
    /// bytes. A longer NDJSON line is rejected on its own; a longer CSV record or JSON element
    /// refuses the request with 413 (the reader cannot tell where the next row starts).
    /// </summary>
    public int MaxRowLength { get; set; } = 16 * 1024;

    /// <summary>At most this many rejected rows are itemised; <c>rejectedCount</c> counts them all.</summary>
    public int MaxItemisedRejections { get; set; } = 1000;

    /// <summary>And the itemised rejections take at most this many bytes of the answer.</summary>
    public int MaxRejectionBytes { get; set; } = 256 * 1024;

    public const int MinRowLength = 1024;
    public const int MaxRowLengthLimit = 1024 * 1024;
    public const int MaxItemisedRejectionsLimit = 100_000;
    public const int MaxRejectionBytesLimit = 16 * 1024 * 1024;

    public bool IsValid =>
        MaxRowLength is >= MinRowLength and <= MaxRowLengthLimit
        && MaxItemisedRejections is >= 0 and <= MaxItemisedRejectionsLimit
        && MaxRejectionBytes is >= 0 and <= MaxRejectionBytesLimit;

    public static readonly string InvalidMessage =
        $"DialImport:MaxRowLength must be {MinRowLength} to {MaxRowLengthLimit}, DialImport:MaxItemisedRejections 0 to {MaxItemisedRejectionsLimit} "
        + $"and DialImport:MaxRejectionBytes 0 to {MaxRejectionBytesLimit}.";
}
