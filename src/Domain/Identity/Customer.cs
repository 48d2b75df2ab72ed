using AniPlanner.Domain.Common;

namespace AniPlanner.Domain.Identity;

/// <summary>A tenant: every other resource belongs to exactly one customer.</summary>
public sealed class Customer : SoftDeletableResource, IAuditedResource
{
    public const int MaxNameLength = 255;
    public const int MaxDetailLength = 2000;

    private Customer()
    {
    }

    public string Name { get; private set; } = "";
    public string Detail { get; private set; } = "";
    public static Customer Create(string name, string detail, DateTime now, Guid? id = null)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new DomainException("A customer needs a name.");
        }

        return new Customer
        {
            Id = id ?? Guid.NewGuid(),
            Name = name.Trim(),
            Detail = detail,
            TmCreate = now,
        };
    }

    public void UpdateBasicInfo(string name, string detail, DateTime now)
    {
        EnsureLive("customer");
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new DomainException("A customer needs a name.");
        }

        Name = name.Trim();
        Detail = detail;
        Changed(now);
    }

    /// <summary>A customer's own changes go to its own trail; deleting it stops its credentials at once.</summary>
    public AuditedAs AuditedAs() => new(Id, "customer", Id.ToString());
}
