namespace AniPlanner.Application.Common.Wire;

/// <summary>How the service writes times under <c>/v1.0</c> (<c>Wire:Timestamps</c>).</summary>
public enum WireTimestamps
{
    /// <summary>The seeds' <c>2026-11-24 05:00:33.267790</c>; unset is <c>9999-01-01 00:00:00.000000</c>.</summary>
    Legacy,

    /// <summary>VoIPBIN's current <c>2026-11-24T05:00:33.267790Z</c>; unset is null.</summary>
    Rfc3339,
}

/// <summary>The <c>Wire</c> configuration section.</summary>
public sealed class WireOptions
{
    public const string Section = "Wire";

    public static readonly string InvalidMessage =
        $"Wire:Timestamps must be one of {WireEnum<WireTimestamps>.Quoted}: \"legacy\" (the default) writes times as " +
        "2026-11-24 05:00:33.267790 and an unset one as 9999-01-01 00:00:00.000000, \"rfc3339\" as 2026-11-24T05:00:33.267790Z and an unset one as null.";

    /// <summary>Unset or empty means legacy; compared without regard to case.</summary>
    public string? Timestamps { get; set; }

    public bool IsValid => string.IsNullOrWhiteSpace(Timestamps) || WireEnum<WireTimestamps>.TryParse(Timestamps.Trim().ToLowerInvariant(), out _);

    public WireTimestamps Style =>
        string.IsNullOrWhiteSpace(Timestamps) ? WireTimestamps.Legacy : WireEnum<WireTimestamps>.Parse(Timestamps.Trim().ToLowerInvariant());
}

/// <summary>Writes every <c>tm_*</c> field and <c>next_page_token</c> in the configured form.</summary>
public sealed class WireTimeFormat(WireTimestamps style)
{
    public WireTimestamps Style { get; } = style;

    public string Write(DateTime value) => Style == WireTimestamps.Rfc3339 ? VoipbinTime.ToRfc3339(value) : VoipbinTime.ToWire(value);

    public string? Write(DateTime? value) => value is { } set ? Write(set) : Style == WireTimestamps.Rfc3339 ? null : VoipbinTime.NotSet;
}
