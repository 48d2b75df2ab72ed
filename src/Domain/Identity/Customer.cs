using AniPlanner.Domain.Common;

namespace AniPlanner.Domain.Identity;

/// <summary>A tenant: every other resource belongs to exactly one customer.</summary>
public sealed class Customer
{
    public const int MaxNameLength = 255;
    public const int MaxDetailLength = 2000;

    private Customer()
    {
    }

    public Guid Id { get; private set; }
    public string Name { get; private set; } = "";
    public string Detail { get; private set; } = "";
    public DateTime TmCreate { get; private set; }
    public DateTime? TmUpdate { get; private set; }
    public DateTime? TmDelete { get; private set; }

    /// <summary>
    /// Counts the changes: every change adds one, and a save writes only while the row still has
    /// the version it was read with, so two requests can never both change what one of them read.
    /// </summary>
    public int Version { get; private set; }

    public bool IsDeleted => TmDelete is not null;

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
        if (IsDeleted)
        {
            throw new DomainException("A deleted customer cannot be changed.");
        }

        if (string.IsNullOrWhiteSpace(name))
        {
            throw new DomainException("A customer needs a name.");
        }

        Name = name.Trim();
        Detail = detail;
        TmUpdate = now;
        Version++;
    }

    /// <summary>Soft delete: the customer's credentials stop working at once. Deleting again changes nothing.</summary>
    public void Delete(DateTime now)
    {
        if (IsDeleted)
        {
            return;
        }

        TmDelete = now;
        Version++;
    }
}
