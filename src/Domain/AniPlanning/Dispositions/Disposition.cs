using AniPlanner.Domain.Common;

namespace AniPlanner.Domain.AniPlanning.Dispositions;

/// <summary>Who sets a disposition on a call, as dialers say it: the dialer itself or the agent.</summary>
public enum DispositionType
{
    System,
    Agent,
}

/// <summary>
/// A call outcome as the company's dialer names it ("Answering Machine", "Sale"), and whether a
/// call ending so reached the prospect. Dials reported with a disposition name are counted as
/// contacts by its <see cref="Contact"/> flag. Declared by the dialer, or recorded from a dial
/// whose name was unknown (<see cref="Declared"/> false, not a contact) so an admin can mark it.
/// </summary>
public sealed class Disposition : IAuditedResource
{
    public const int MaxIdentifierLength = 64;
    public const int MaxNameLength = 100;

    /// <summary>What the identifier of a disposition recorded from dials starts with.</summary>
    public const string RecordedPrefix = "recorded-";

    private Disposition()
    {
    }

    /// <summary>The storage key dials refer to; never on the wire.</summary>
    public long Id { get; private set; }

    public Guid CustomerId { get; private set; }

    /// <summary>The dialer's id of the disposition (the wire's <c>id</c>), unique within the company.</summary>
    public string Identifier { get; private set; } = "";

    public string Name { get; private set; } = "";

    /// <summary>The name as dials are matched to it: trimmed, upper case (invariant), unique within the company.</summary>
    public string NameKey { get; private set; } = "";

    public DispositionType Type { get; private set; }
    public bool Contact { get; private set; }
    public bool Success { get; private set; }

    /// <summary>False for a disposition recorded from a dial whose name no declared disposition had.</summary>
    public bool Declared { get; private set; }

    public DateTime TmCreate { get; private set; }
    public DateTime? TmUpdate { get; private set; }

    /// <summary>How dials' disposition names are matched: case-insensitively, blanks around them ignored.</summary>
    public static string KeyOf(string name) => name.Trim().ToUpperInvariant();

    public static Disposition Declare(Guid customerId, string identifier, string name, DispositionType type, bool contact, bool success, DateTime now) =>
        new()
        {
            CustomerId = customerId,
            Identifier = identifier,
            Name = name.Trim(),
            NameKey = KeyOf(name),
            Type = type,
            Contact = contact,
            Success = success,
            Declared = true,
            TmCreate = now,
        };

    /// <summary>
    /// A disposition for a name dials used before any was declared: not a contact until someone says
    /// so. Its identifier is random (an admin may rename it, so a name cannot say which id it has);
    /// two imports meeting the name at once are told apart by the name's unique key.
    /// </summary>
    public static Disposition RecordFromDial(Guid customerId, string name, DateTime now) =>
        new()
        {
            CustomerId = customerId,
            Identifier = RecordedPrefix + Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(8)),
            Name = name.Trim(),
            NameKey = KeyOf(name),
            Type = DispositionType.Agent,
            Declared = false,
            TmCreate = now,
        };

    /// <summary>By the dialer's id: the one its people know it by.</summary>
    public AuditedAs AuditedAs() => new(CustomerId, "disposition", Identifier);

    /// <summary>
    /// Declares it as the dialer describes it (a recorded one taken over keeps its dials under the
    /// dialer's id); answers whether the contact flag changed, which re-counts its dials.
    /// </summary>
    public bool DeclareAs(string identifier, string name, DispositionType type, bool contact, bool success, DateTime now)
    {
        var contactChanged = Contact != contact;
        Identifier = identifier;
        Name = name.Trim();
        NameKey = KeyOf(name);
        Type = type;
        Contact = contact;
        Success = success;
        Declared = true;
        TmUpdate = now;
        return contactChanged;
    }
}
