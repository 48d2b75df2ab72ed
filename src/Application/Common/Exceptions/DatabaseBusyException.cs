namespace AniPlanner.Application.Common.Exceptions;

/// <summary>
/// The database could not serve the request now because another one holds what it needs, and
/// nothing of this request was stored: the same request may succeed when sent again shortly.
/// </summary>
public sealed class DatabaseBusyException(string message) : Exception(message);
