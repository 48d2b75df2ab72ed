namespace AniPlanner.Domain.AniPlanning.Dials;

/// <summary>
/// One dial as the dialer reported it, kept as the source of truth for the rollups (and for
/// rebuilding them when reference data changes). Plans never read these.
/// </summary>
public sealed class Dial
{
    private Dial()
    {
    }

    public Guid CustomerId { get; private set; }

    /// <summary>The dialer's id of the call; a re-sent call id is a duplicate, never counted twice.</summary>
    public string CallId { get; private set; } = "";

    public long CampaignId { get; private set; }
    public DateTime DialedAtUtc { get; private set; }

    /// <summary>The calendar date of the dial in the offset the dialer gave.</summary>
    public DateOnly Day { get; private set; }

    public string ProspectNumber { get; private set; } = "";
    public string AniNumber { get; private set; } = "";
    public string ProspectZip { get; private set; } = "";
    public bool Contacted { get; private set; }
}

/// <summary>What a plan can be grouped by; each has its own rollup.</summary>
public enum DialGrouping
{
    /// <summary>The prospect number's area code.</summary>
    AreaCode = 0,

    /// <summary>The area code of the ANI that placed the call.</summary>
    Ani = 1,

    /// <summary>The area code of the prospect's ZIP.</summary>
    Zip = 2,
}

/// <summary>
/// Dials and contacts per (customer, grouping, day, campaign, area key), kept up to date as
/// dials arrive, so a plan reads days × areas rows, never the dials themselves.
/// </summary>
public sealed class DialRollup
{
    private DialRollup()
    {
    }

    public Guid CustomerId { get; private set; }
    public DialGrouping Grouping { get; private set; }
    public DateOnly Day { get; private set; }
    public long CampaignId { get; private set; }

    /// <summary>"nanp:213", "uk:7", ... or empty for dials that fit no area.</summary>
    public string AreaKey { get; private set; } = "";

    public long Dials { get; private set; }
    public long Contacts { get; private set; }
}
