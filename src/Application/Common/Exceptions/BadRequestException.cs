namespace AniPlanner.Application.Common.Exceptions;

/// <summary>
/// The request is well-formed but asks for something that cannot be (an unknown campaign in a
/// filter, zip grouping for a UK company). Answered 400 with the message.
/// </summary>
public sealed class BadRequestException(string message) : Exception(message);
