namespace AniPlanner.Application.Common.Exceptions;

/// <summary>The caller is known but may not do this.</summary>
public sealed class ForbiddenException(string reason, string message) : Exception(message)
{
    public string Reason { get; } = reason;
}
