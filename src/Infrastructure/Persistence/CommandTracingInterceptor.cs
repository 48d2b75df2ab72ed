using System.Data.Common;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace AniPlanner.Infrastructure.Persistence;

/// <summary>
/// A trace span per database command (the EF Core OpenTelemetry instrumentation package is not
/// on our registry). Carries the provider and the command's first word, never parameter values.
/// </summary>
public sealed class CommandTracingInterceptor : DbCommandInterceptor
{
    public const string SourceName = "AniPlanner.Database";

    private static readonly ActivitySource Source = new(SourceName);
    private readonly ConditionalWeakTable<DbCommand, Activity> _running = [];

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Start(command, eventData);
        return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override ValueTask<DbDataReader> ReaderExecutedAsync(
        DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
    {
        Stop(command, null);
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
        Stop(command, null);
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
        Stop(command, null);
        return base.ScalarExecutedAsync(command, eventData, result, cancellationToken);
    }

    public override Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Stop(command, eventData.Exception);
        return base.CommandFailedAsync(command, eventData, cancellationToken);
    }

    private void Start(DbCommand command, CommandEventData eventData)
    {
        var activity = Source.StartActivity("db " + FirstWord(command.CommandText), ActivityKind.Client);
        if (activity is null)
        {
            return;
        }

        activity.SetTag("db.system", eventData.Context?.Database.ProviderName);
        _running.AddOrUpdate(command, activity);
    }

    private void Stop(DbCommand command, Exception? failure)
    {
        if (!_running.TryGetValue(command, out var activity))
        {
            return;
        }

        _running.Remove(command);
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
