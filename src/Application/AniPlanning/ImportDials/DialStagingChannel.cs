using System.Threading.Channels;
using AniPlanner.Application.AniPlanning.Common;
using AniPlanner.Application.Common.Telemetry;

namespace AniPlanner.Application.AniPlanning.ImportDials;

/// <summary>
/// Reading and checking rows (CPU) overlaps with writing them (the database): a bounded channel
/// between the two keeps memory flat whatever the request's size. A write that fails closes the
/// channel, so the reader stops too, and <see cref="RunAsync"/> rethrows the failure.
/// </summary>
internal sealed class DialStagingChannel
{
    private const int StageBuffer = 8192;

    private readonly Channel<StagedDial> _staged = Channel.CreateBounded<StagedDial>(new BoundedChannelOptions(StageBuffer) { SingleReader = true, SingleWriter = true });
    private readonly IDialImport _import;
    private readonly Task _writer;

    public DialStagingChannel(IDialImport import, CancellationToken cancellationToken)
    {
        _import = import;
        _writer = Task.Run(() => WriteAsync(import, cancellationToken), CancellationToken.None);
    }

    /// <summary>Runs <paramref name="read"/> (which stages rows with <see cref="StageAsync"/>), then waits for every staged row to be written.</summary>
    public async Task RunAsync(Func<Task> read)
    {
        try
        {
            await read();
        }
        catch (ChannelClosedException)
        {
            // The writer failed and closed the channel; its own exception is rethrown below.
        }
        finally
        {
            // Whatever happened, the writer stops before the import is committed or rolled back.
            _staged.Writer.TryComplete();
            await Task.WhenAny(_writer);
        }

        await _writer;
    }

    public ValueTask StageAsync(StagedDial dial, CancellationToken cancellationToken) => _staged.Writer.WriteAsync(dial, cancellationToken);

    /// <summary>
    /// Commits what was staged; once new dials are in, moves the company's data version on (usage
    /// answers kept from before are not served again) and counts the request in the telemetry.
    /// </summary>
    public async Task<DialImportCounts> CommitAsync(IPlannerDataVersions versions, Guid customerId, long rejected, CancellationToken cancellationToken)
    {
        var counts = await _import.CommitAsync(cancellationToken);
        if (counts.Accepted > 0)
        {
            await versions.BumpAsync(customerId, cancellationToken);
        }

        AniPlannerTelemetry.DialsIngested.Add(counts.Accepted);
        AniPlannerTelemetry.DialsDuplicated.Add(counts.Duplicates);
        AniPlannerTelemetry.DialsRejected.Add(rejected);
        return counts;
    }

    private async Task WriteAsync(IDialImport import, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var dial in _staged.Reader.ReadAllAsync(cancellationToken))
            {
                await import.StageAsync(dial, cancellationToken);
            }
        }
        catch (Exception exception)
        {
            _staged.Writer.TryComplete(exception);
            throw;
        }
    }
}
