using System.Collections.Concurrent;
using System.Data.Common;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace AniPlanner.Infrastructure.Persistence;

/// <summary>
/// A trace span per database command (the EF Core OpenTelemetry instrumentation package is not
/// on our registry). Carries the provider and the command's first word, never parameter values.
/// Runs on every command, so it takes no lock (spans are found again by EF's command id) and
/// looks the provider's name up once per context type (EF builds it from assembly metadata).
/// </summary>
public sealed class CommandTracingInterceptor : DbCommandInterceptor
{
    public const string SourceName = "AniPlanner.Database";

    private static readonly ActivitySource Source = new(SourceName);
    private static readonly ConcurrentDictionary<Type, string?> ProviderNames = new();
    private readonly ConcurrentDictionary<Guid, Activity> _running = new();

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Start(command, eventData);
        return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override ValueTask<DbDataReader> ReaderExecutedAsync(
        DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
    {
        Stop(eventData.CommandId, null);
        return base.ReaderExecutedAsync(command, eventData, result, cancellationToken);
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Start(command, eventData);
        return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override ValueTask<int> NonQueryExecutedAsync(
        DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Stop(eventData.CommandId, null);
        return base.NonQueryExecutedAsync(command, eventData, result, cancellationToken);
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Start(command, eventData);
        return base.ScalarExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override ValueTask<object?> ScalarExecutedAsync(
        DbCommand command, CommandExecutedEventData eventData, object? result, CancellationToken cancellationToken = default)
    {
        Stop(eventData.CommandId, null);
        return base.ScalarExecutedAsync(command, eventData, result, cancellationToken);
    }

    public override Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Stop(eventData.CommandId, eventData.Exception);
        return base.CommandFailedAsync(command, eventData, cancellationToken);
    }

    /// <summary>A cancelled command ends its span too: nothing is left behind in the map.</summary>
    public override Task CommandCanceledAsync(DbCommand command, CommandEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Stop(eventData.CommandId, new OperationCanceledException());
        return base.CommandCanceledAsync(command, eventData, cancellationToken);
    }

    private void Start(DbCommand command, CommandEventData eventData)
    {
        var activity = Source.StartActivity("db " + FirstWord(command.CommandText), ActivityKind.Client);
        if (activity is null)
        {
            return;
        }

        if (eventData.Context is { } context)
        {
            activity.SetTag("db.system", ProviderNames.GetOrAdd(context.GetType(), _ => context.Database.ProviderName));
        }

        _running[eventData.CommandId] = activity;
    }

    private void Stop(Guid commandId, Exception? failure)
    {
        if (!_running.TryRemove(commandId, out var activity))
        {
            return;
        }

        if (failure is not null)
        {
            activity.SetStatus(ActivityStatusCode.Error, failure.GetType().Name);
        }

        activity.Dispose();
    }

    private static string FirstWord(string sql)
    {
        var trimmed = sql.AsSpan().TrimStart();
        var end = trimmed.IndexOfAny(" \n\r\t");
        return (end < 0 ? trimmed : trimmed[..end]).ToString().ToUpperInvariant();
    }
}
