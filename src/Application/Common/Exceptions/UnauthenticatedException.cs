namespace AniPlanner.Application.Common.Exceptions;

/// <summary>A caller's credentials are wrong (answered 401).</summary>
public sealed class UnauthenticatedException(string reason, string message) : Exception(message)
{
    public string Reason { get; } = reason;
}
