using AniPlanner.Domain.Common;

namespace AniPlanner.Domain.Outplans;

/// <summary>
/// A dialing strategy for outbound campaigns (VoIPBIN's outplan): ring timeout, retry interval
/// and how often each of a target's five destinations is tried.
/// </summary>
public sealed class Outplan : CustomerOwnedResource, IAuditedResource
{
    public const int MaxNameLength = 255;
    public const int MaxDetailLength = 2000;

    private Outplan()
    {
    }

    public string Name { get; private set; } = "";
    public string Detail { get; private set; } = "";
    public Address Source { get; private set; } = Address.Empty;
    public long DialTimeout { get; private set; }
    public long TryInterval { get; private set; }
    public int MaxTryCount0 { get; private set; }
    public int MaxTryCount1 { get; private set; }
    public int MaxTryCount2 { get; private set; }
    public int MaxTryCount3 { get; private set; }
    public int MaxTryCount4 { get; private set; }

    /// <summary>When calls may start; <see cref="CallingWindow.Always"/> until one is set.</summary>
    public CallingWindow CallingWindow { get; private set; } = CallingWindow.Always;

    public static Outplan Create(Guid customerId, string name, string detail, DialInfo dialInfo, DateTime now, CallingWindow? callingWindow = null)
    {
        var outplan = new Outplan
        {
            Id = Guid.NewGuid(),
            CustomerId = customerId,
            Name = name,
            Detail = detail,
            TmCreate = now,
            CallingWindow = callingWindow ?? CallingWindow.Always,
        };
        outplan.ApplyDialInfo(dialInfo);
        return outplan;
    }

    public void UpdateBasicInfo(string name, string detail, DateTime now)
    {
        EnsureLive("outplan");
        Name = name;
        Detail = detail;
        Changed(now);
    }

    public void UpdateDialInfo(DialInfo dialInfo, DateTime now)
    {
        EnsureLive("outplan");
        ApplyDialInfo(dialInfo);
        Changed(now);
    }

    /// <summary>The window is part of the strategy, so setting it is a change to the outplan.</summary>
    public void SetCallingWindow(CallingWindow window, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(window);
        EnsureLive("outplan");
        CallingWindow = window;
        Changed(now);
    }

    /// <summary>The timings and try counts, as the schedule preview reads them.</summary>
    public DialInfo DialInfo() => new(Source, DialTimeout, TryInterval, [MaxTryCount0, MaxTryCount1, MaxTryCount2, MaxTryCount3, MaxTryCount4]);

    public AuditedAs AuditedAs() => new(CustomerId, "outplan", Id.ToString());

    private void ApplyDialInfo(DialInfo dialInfo)
    {
        Source = dialInfo.Source;
        DialTimeout = dialInfo.DialTimeout;
        TryInterval = dialInfo.TryInterval;
        MaxTryCount0 = dialInfo.MaxTryCounts[0];
        MaxTryCount1 = dialInfo.MaxTryCounts[1];
        MaxTryCount2 = dialInfo.MaxTryCounts[2];
        MaxTryCount3 = dialInfo.MaxTryCounts[3];
        MaxTryCount4 = dialInfo.MaxTryCounts[4];
    }
}
