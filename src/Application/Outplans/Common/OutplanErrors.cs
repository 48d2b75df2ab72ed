using AniPlanner.Application.Common.Exceptions;

namespace AniPlanner.Application.Outplans.Common;

internal static class OutplanErrors
{
    public static NotFoundException NotFound(Guid id) =>
        new(ErrorReasons.OutplanNotFound, $"Outplan {id} was not found (or has been deleted, for updates).");
}
