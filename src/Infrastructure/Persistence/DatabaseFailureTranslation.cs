using AniPlanner.Application.Common.Exceptions;
using Mediator;

namespace AniPlanner.Infrastructure.Persistence;

/// <summary>
/// Turns what a database driver throws into the application's own exceptions, so no outer layer
/// has to know the drivers: a failure a retry may cure becomes a <see cref="DatabaseBusyException"/>,
/// text the database refused an <see cref="UnstorableTextException"/>.
/// </summary>
public static class DatabaseFailureTranslation
{
    /// <summary>The application's exception for a driver's failure (the driver's kept inside it); null for anything else.</summary>
    public static Exception? Translate(Exception failure) => failure switch
    {
        // Already translated, by a message sent from inside another handler.
        DatabaseBusyException or UnstorableTextException => null,
        _ when failure.IsUnstorableText() => new UnstorableTextException(failure),
        _ when failure.IsTransientDatabaseFailure() => new DatabaseBusyException(
            "The database is busy or briefly unreachable, so this request did not complete. " +
            $"Send it again in {DatabaseBusyException.RetryAfterSeconds} seconds.", failure),
        _ => null,
    };
}

/// <summary>
/// Translates around every message (<see cref="DatabaseFailureTranslation.Translate"/>), so every
/// handler's reads and writes are covered. Handlers themselves still see the driver's exception:
/// their own retries and clean-ups catch it.
/// </summary>
public sealed class DatabaseFailureTranslation<TMessage, TResponse> : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        try
        {
            return await next(message, cancellationToken);
        }
        catch (Exception failure) when (DatabaseFailureTranslation.Translate(failure) is { } translated)
        {
            throw translated;
        }
    }
}
