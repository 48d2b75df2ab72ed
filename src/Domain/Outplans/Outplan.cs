using AniPlanner.Domain.Common;

namespace AniPlanner.Domain.Outplans;

/// <summary>
/// A dialing strategy for outbound campaigns (VoIPBIN's outplan): ring timeout, retry interval
/// and how often each of a target's five destinations is tried.
/// </summary>
public sealed class Outplan
{
    public const int MaxNameLength = 255;
    public const int MaxDetailLength = 2000;

    private Outplan()
    {
    }

    public Guid Id { get; private set; }
    public Guid CustomerId { get; private set; }
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
    public DateTime TmCreate { get; private set; }

    /// <summary>Null until the first update; the wire shows VoIPBIN's 9999 sentinel then.</summary>
    public DateTime? TmUpdate { get; private set; }

    /// <summary>Null while the outplan is live; set once by <see cref="Delete"/>.</summary>
    public DateTime? TmDelete { get; private set; }

    /// <summary>
    /// Counts the changes: every change adds one, and a save writes only while the row still has
    /// the version it was read with, so two requests can never both change what one of them read.
    /// </summary>
    public int Version { get; private set; }

    public bool IsDeleted => TmDelete is not null;

    public static Outplan Create(Guid customerId, string name, string detail, DialInfo dialInfo, DateTime now)
    {
        var outplan = new Outplan
        {
            Id = Guid.NewGuid(),
            CustomerId = customerId,
            Name = name,
            Detail = detail,
            TmCreate = now,
        };
        outplan.ApplyDialInfo(dialInfo);
        return outplan;
    }

    public void UpdateBasicInfo(string name, string detail, DateTime now)
    {
        EnsureLive();
        Name = name;
        Detail = detail;
        Changed(now);
    }

    public void UpdateDialInfo(DialInfo dialInfo, DateTime now)
    {
        EnsureLive();
        ApplyDialInfo(dialInfo);
        Changed(now);
    }

    /// <summary>Soft delete. Deleting again changes nothing, so a retried request is harmless.</summary>
    public void Delete(DateTime now)
    {
        if (IsDeleted)
        {
            return;
        }

        TmDelete = now;
        Version++;
    }

    private void Changed(DateTime now)
    {
        TmUpdate = now;
        Version++;
    }

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

    private void EnsureLive()
    {
        if (IsDeleted)
        {
            throw new DomainException("A deleted outplan cannot be changed.");
        }
    }
}
