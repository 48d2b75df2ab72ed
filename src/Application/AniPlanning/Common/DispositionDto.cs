using AniPlanner.Domain.AniPlanning.Dispositions;

namespace AniPlanner.Application.AniPlanning.Common;

/// <summary>
/// A disposition in the dialer's shape, <c>{id, name, type, contact, success}</c>, and
/// <c>declared</c>: false for one recorded from dials, which an admin should mark.
/// </summary>
public sealed record DispositionDto(string Id, string Name, string Type, bool Contact, bool Success, bool Declared)
{
    public static DispositionDto From(Disposition disposition) =>
        new(disposition.Identifier, disposition.Name, disposition.Type.ToString(), disposition.Contact, disposition.Success, disposition.Declared);
}
