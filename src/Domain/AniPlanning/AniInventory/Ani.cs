using AniPlanner.Domain.Common;

namespace AniPlanner.Domain.AniPlanning.AniInventory;

public enum AniStatus
{
    Active,
    Inactive,
    Removed,
}

/// <summary>
/// One caller-ID number of a company's inventory (the AniInventory aggregate's members), with
/// the area it counts toward, worked out once when the number is recorded.
/// </summary>
public sealed class Ani : IAuditedResource
{
    private Ani()
    {
    }

    public long Id { get; private set; }
    public Guid CustomerId { get; private set; }

    /// <summary>E.164, the inventory's key within a customer.</summary>
    public string Number { get; private set; } = "";

    public AniStatus Status { get; private set; }
    public bool Managed { get; private set; }

    /// <summary>The area key ("nanp:213", "uk:7", ...) or empty when the number fits no area.</summary>
    public string AreaKey { get; private set; } = "";

    /// <summary>ISO alpha-2 country of the number ("US", "GB", ...), empty when unknown.</summary>
    public string Country { get; private set; } = "";

    public DateTime TmCreate { get; private set; }
    public DateTime? TmUpdate { get; private set; }

    /// <summary>Counted by the "managed" inventory mode: active and managed.</summary>
    public bool IsManagedAndActive => Status == AniStatus.Active && Managed;

    public static Ani Record(Guid customerId, string number, AniStatus status, bool managed, string areaKey, string country, DateTime now) =>
        new()
        {
            CustomerId = customerId,
            Number = number,
            Status = status,
            Managed = managed,
            AreaKey = areaKey,
            Country = country,
            TmCreate = now,
        };

    /// <summary>A person looks a number up by itself, not by its storage key.</summary>
    public AuditedAs AuditedAs() => new(CustomerId, "ani", Number);

    public void Update(AniStatus status, bool managed, DateTime now)
    {
        Status = status;
        Managed = managed;
        TmUpdate = now;
    }
}
