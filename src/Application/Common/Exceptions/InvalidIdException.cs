using AniPlanner.Application.Common.Text;

namespace AniPlanner.Application.Common.Exceptions;

/// <summary>A resource id (in a route) that is not a UUID, or is the nil UUID: answered 400 INVALID_ID.</summary>
public sealed class InvalidIdException(string message) : Exception(message)
{
    /// <summary>Parses a route id, throwing the 400 a caller can act on.</summary>
    public static Guid Parse(string? raw, string resource)
    {
        if (!Guid.TryParse(raw, out var id))
        {
            throw new InvalidIdException($"'{EchoedInput.Shorten(raw)}' is not a valid {resource} id: expected a UUID such as d5fb7357-7ddb-4f2d-87b5-8ccbfd6c039e.");
        }

        return id == Guid.Empty ? throw new InvalidIdException($"The nil UUID is not a valid {resource} id.") : id;
    }
}
