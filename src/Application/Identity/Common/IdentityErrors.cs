using AniPlanner.Application.Common.Exceptions;

namespace AniPlanner.Application.Identity.Common;

internal static class IdentityErrors
{
    public static NotFoundException AccessKeyNotFound(Guid id) =>
        new("ACCESSKEY_NOT_FOUND", $"Access key {id} was not found (or has been deleted, for updates).");

    public static NotFoundException CustomerNotFound(Guid id) =>
        new("CUSTOMER_NOT_FOUND", $"Customer {id} was not found (or has been deleted, for updates).");

    public static NotFoundException UserNotFound(Guid id) => new("USER_NOT_FOUND", $"User {id} was not found (or has been deleted, for updates).");
}
