namespace AniPlanner.Domain.Common;

/// <summary>An aggregate refused a change that would break one of its rules.</summary>
public class DomainException(string message) : Exception(message);
