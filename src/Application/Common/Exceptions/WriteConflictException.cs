namespace AniPlanner.Application.Common.Exceptions;

/// <summary>
/// A save lost a race with another request: a row it changed is no longer the one it read, or a
/// unique value it chose was taken first. Nothing of the save was stored, so running the command
/// again from its reads is safe.
/// </summary>
public sealed class WriteConflictException(string message, Exception innerException) : Exception(message, innerException);
