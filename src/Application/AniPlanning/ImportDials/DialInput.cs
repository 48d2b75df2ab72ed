namespace AniPlanner.Application.AniPlanning.ImportDials;

/// <summary>
/// One dial record as a caller sent it (JSON, NDJSON or CSV), before any checks. A row the
/// body reader could not read at all carries <see cref="ReadError"/> instead.
/// </summary>
public sealed record DialInput
{
    public string? CallId { get; init; }
    public string? Campaign { get; init; }
    public string? DialedAt { get; init; }
    public string? ProspectNumber { get; init; }
    public string? AniNumber { get; init; }
    public string? ProspectZip { get; init; }
    public bool? Contacted { get; init; }

    /// <summary>The call's outcome as the dialer names it; when given, its disposition decides <see cref="Contacted"/>.</summary>
    public string? DispositionName { get; init; }
    public string? ReadError { get; init; }
}
