using AniPlanner.Application.Common.Exceptions;

namespace AniPlanner.Application.Identity.Common;

internal static class IdentityErrors
{
    public static NotFoundException AccessKeyNotFound(Guid id) =>
        new(ErrorReasons.AccessKeyNotFound, $"Access key {id} was not found (or has been deleted, for updates).");

    public static NotFoundException CustomerNotFound(Guid id) =>
        new(ErrorReasons.CustomerNotFound, $"Customer {id} was not found (or has been deleted, for updates).");

    public static NotFoundException UserNotFound(Guid id) => new(ErrorReasons.UserNotFound, $"User {id} was not found (or has been deleted, for updates).");
}
