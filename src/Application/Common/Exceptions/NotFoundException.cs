namespace AniPlanner.Application.Common.Exceptions;

/// <summary>
/// The resource does not exist for this caller. Another customer's resource raises this too,
/// so a caller cannot learn that it exists.
/// </summary>
public sealed class NotFoundException(string reason, string message) : Exception(message)
{
    public string Reason { get; } = reason;
}
