namespace AniPlanner.Application.Common.Exceptions;

/// <summary>
/// A body read by hand (dial records) is not the JSON it must be: not JSON at all, not an array,
/// or a string that is not Unicode text. Answered 400 INVALID_JSON_BODY with the message; the
/// reader's own exception is kept inside.
/// </summary>
public sealed class InvalidJsonBodyException(string message, Exception innerException) : Exception(message, innerException);
