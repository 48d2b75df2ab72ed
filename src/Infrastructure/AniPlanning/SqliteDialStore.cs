using System.Runtime.InteropServices;
using AniPlanner.Application.AniPlanning.ImportDials;
using AniPlanner.Application.Common.Exceptions;
using AniPlanner.Domain.AniPlanning.Dials;
using AniPlanner.Infrastructure.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace AniPlanner.Infrastructure.AniPlanning;

/// <summary>
/// Dial imports on SQLite, which has one writer at a time, without keeping other writers waiting
/// on a client's upload:
/// <list type="number">
/// <item>An import of a customer runs alone among that customer's imports (<see cref="SqliteDialImportTurns"/>):
/// a call id it finds stored is then always a committed one, never one that another import may yet roll back.</item>
/// <item>Rows are written as they stream in, <see cref="RowsPerTransaction"/> at a time, each
/// transaction waiting its turn at the <see cref="SqliteWriteGate"/> and holding the write lock
/// only while it inserts rows already read: never while the client uploads. Each row carries the
/// import's id; a call id the customer has already (or had earlier in this request) is left as it
/// is and counts as a duplicate.</item>
/// <item>Each row written is counted into its rollup cells in memory; past
/// <see cref="MaxRollupCellsCounted"/> cells the counts spill to a temporary table and are summed
/// there at commit, so memory stays bounded. The totals of every campaign are summed from those
/// counts, before the write lock.</item>
/// <item>The last transaction adds the counts to the rollups and marks the import committed.</item>
/// </list>
/// All or nothing still holds: plans read only rollups, which change in that last transaction;
/// a failed import deletes its rows, and rows of an import a crash interrupted are deleted at
/// the next start (<see cref="RemoveInterruptedImportsAsync"/>).
/// </summary>
public sealed partial class SqliteDialStore(
    AniPlannerDbContext context, SqliteWriteGate gate, SqliteDialImportTurns customerTurns, TimeProvider clock, ILogger<SqliteDialStore> logger)
    : IDialStore
{
    private readonly AniPlannerDbContext _context = context;
    private readonly SqliteWriteGate _gate = gate;
    private readonly SqliteDialImportTurns _customerTurns = customerTurns;
    private readonly TimeProvider _clock = clock;
    private readonly ILogger _logger = logger;

    /// <summary>Rows per write transaction: a few tens of milliseconds, the longest any other write waits behind an import.</summary>
    public const int RowsPerTransaction = 10_000;

    /// <summary>After an import of this many new dials the write-ahead log is checkpointed and truncated, so it does not stay at its largest size.</summary>
    public const long CheckpointAfterRows = 100_000;

    /// <summary>
    /// Rollup cells an import counts in memory (a request spans a few days, campaigns and areas,
    /// so this is rarely reached); past it the counts spill to a temporary table.
    /// </summary>
    public const int MaxRollupCellsCounted = 200_000;

    /// <summary>Temporary tables in a file (SQLite's temp store, spilled from a small cache), whatever the build's default: an import's size must not become the process's memory.</summary>
    private const string CreateCountTables = """
        PRAGMA temp_store = FILE;
        DROP TABLE IF EXISTS temp.DialRollupSpill;
        DROP TABLE IF EXISTS temp.DialRollupDelta;
        DROP TABLE IF EXISTS temp.DialTotalDelta;
        DROP TABLE IF EXISTS temp.AniDayDelta;
        CREATE TEMP TABLE DialRollupSpill (Grouping INTEGER NOT NULL, Day TEXT NOT NULL, CampaignId INTEGER NOT NULL, AreaKey TEXT NOT NULL, Dials INTEGER NOT NULL, Contacts INTEGER NOT NULL);
        CREATE TEMP TABLE DialRollupDelta (Grouping INTEGER NOT NULL, Day TEXT NOT NULL, CampaignId INTEGER NOT NULL, AreaKey TEXT NOT NULL, Dials INTEGER NOT NULL, Contacts INTEGER NOT NULL);
        CREATE TEMP TABLE DialTotalDelta (Grouping INTEGER NOT NULL, Period INTEGER NOT NULL, Start TEXT NOT NULL, AreaKey TEXT NOT NULL, Dials INTEGER NOT NULL, Contacts INTEGER NOT NULL);
        CREATE TEMP TABLE AniDayDelta (Day TEXT NOT NULL, AniNumber TEXT NOT NULL, Dials INTEGER NOT NULL, Contacts INTEGER NOT NULL);
        """;

    private const string DropCountTables = """
        DROP TABLE IF EXISTS temp.DialRollupSpill;
        DROP TABLE IF EXISTS temp.DialRollupDelta;
        DROP TABLE IF EXISTS temp.DialTotalDelta;
        DROP TABLE IF EXISTS temp.AniDayDelta;
        """;

    private const string StartImport = """
        INSERT INTO DialImports (CustomerId, StartedAtUtc) VALUES ($customer, $now) RETURNING Id
        """;

    /// <summary>One dial, as <see cref="Import"/> binds it; no change when the customer has its call id already.</summary>
    private const string WriteDial = """
        INSERT INTO Dials (CustomerId, CallId, CampaignId, DialedAtUtc, Day, ProspectNumber, AniNumber, ProspectZip, Contacted, ImportId,
                           DispositionId, ProspectAreaKey, AniAreaKey)
        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)
        ON CONFLICT (CustomerId, CallId) DO NOTHING
        """;

    /// <summary>Counts that did not fit in memory, as <see cref="Import"/> binds a cell: grouping, day, campaign, area, counts.</summary>
    private const string SpillRollupCell = """
        INSERT INTO temp.DialRollupSpill (Grouping, Day, CampaignId, AreaKey, Dials, Contacts) VALUES (?1, ?2, ?3, ?4, ?5, ?6)
        """;

    /// <summary>The spilled counts summed by cell, in key order.</summary>
    private const string SumSpilledRollups = """
        INSERT INTO temp.DialRollupDelta (Grouping, Day, CampaignId, AreaKey, Dials, Contacts)
        SELECT Grouping, Day, CampaignId, AreaKey, SUM(Dials), SUM(Contacts) FROM temp.DialRollupSpill
        GROUP BY Grouping, Day, CampaignId, AreaKey
        ORDER BY Grouping, Day, CampaignId, AreaKey
        """;

    /// <summary>A counted cell added to its rollup (bound as a spilled one is, the customer as ?7), in the last write turn.</summary>
    private const string AddRollupCell = """
        INSERT INTO DialRollups (CustomerId, Grouping, Day, CampaignId, AreaKey, Dials, Contacts) VALUES (?7, ?1, ?2, ?3, ?4, ?5, ?6)
        ON CONFLICT (CustomerId, Grouping, Day, CampaignId, AreaKey)
        DO UPDATE SET Dials = Dials + excluded.Dials, Contacts = Contacts + excluded.Contacts
        """;

    /// <summary>A counted total added to the totals, bound as a rollup cell is: grouping, start, period, area, counts.</summary>
    private const string AddTotalCell = """
        INSERT INTO DialTotals (CustomerId, Grouping, Start, Period, AreaKey, Dials, Contacts) VALUES (?7, ?1, ?2, ?3, ?4, ?5, ?6)
        ON CONFLICT (CustomerId, Grouping, Period, Start, AreaKey)
        DO UPDATE SET Dials = Dials + excluded.Dials, Contacts = Contacts + excluded.Contacts
        """;

    /// <summary>The totals of every campaign from the summed spilled counts; in key order.</summary>
    private static readonly string CountTotals = $"""
        INSERT INTO temp.DialTotalDelta (Grouping, Period, Start, AreaKey, Dials, Contacts)
        {TotalsOf("Grouping", "temp.DialRollupDelta")}
        ORDER BY Grouping, Period, Start, AreaKey
        """;

    /// <summary>The Monday of a date's week: back six days, then forward to the first Monday.</summary>
    internal static string WeekStartOf(string day) => $"date({day}, '-6 days', 'weekday 1')";

    /// <summary>
    /// A rollup-shaped source (<paramref name="keys"/>, Day, AreaKey, Dials, Contacts) summed by the
    /// day and by the week (Monday's date), every campaign together.
    /// </summary>
    private static string TotalsOf(string keys, string source) => $"""
        SELECT {keys}, Period, Start, AreaKey, SUM(Dials), SUM(Contacts)
        FROM (
            SELECT {keys}, 0 AS Period, Day AS Start, AreaKey, Dials, Contacts FROM {source}
            UNION ALL SELECT {keys}, 1, {WeekStartOf("Day")}, AreaKey, Dials, Contacts FROM {source})
        GROUP BY {keys}, Period, Start, AreaKey
        """;

    /// <summary>
    /// The per-ANI counts of the rows this import wrote, read back from the dials themselves (their
    /// rowid range, committed in earlier turns) outside the write lock, in key order.
    /// </summary>
    private const string CountAniDays = """
        INSERT INTO temp.AniDayDelta (Day, AniNumber, Dials, Contacts)
        SELECT Day, AniNumber, COUNT(*), SUM(Contacted) FROM Dials
        WHERE rowid >= $from AND rowid <= $to AND ImportId = $import
        GROUP BY Day, AniNumber
        ORDER BY Day, AniNumber
        """;

    /// <summary>The per-ANI counts added to their rollup, in the last write turn.</summary>
    private const string AddAniDays = """
        INSERT INTO AniDayRollups (CustomerId, Day, AniNumber, Dials, Contacts)
        SELECT $customer, Day, AniNumber, Dials, Contacts FROM temp.AniDayDelta WHERE true
        ON CONFLICT (CustomerId, Day, AniNumber)
        DO UPDATE SET Dials = Dials + excluded.Dials, Contacts = Contacts + excluded.Contacts
        """;

    /// <summary>
    /// The per-ANI counts added to their blocks, after <see cref="AddAniDays"/> in the same turn: a
    /// block's busiest day is the higher of the one it had and the days just counted, as they are now.
    /// </summary>
    private static readonly string AddAniSpans = $"""
        INSERT INTO AniSpanRollups (CustomerId, Span, Start, AniNumber, Dials, PeakDailyDials)
        SELECT $customer, s.Span, {SpanStartOf("d.Day", "s.Span")} AS Start, d.AniNumber, SUM(d.Dials), MAX(a.Dials)
        FROM temp.AniDayDelta d
        JOIN AniDayRollups a ON a.CustomerId = $customer AND a.Day = d.Day AND a.AniNumber = d.AniNumber
        CROSS JOIN ({string.Join(" UNION ALL ", AniSpanRollup.Spans.Select(span => $"SELECT {span} AS Span"))}) s
        GROUP BY s.Span, Start, d.AniNumber
        ORDER BY s.Span, Start, d.AniNumber
        ON CONFLICT (CustomerId, Span, Start, AniNumber)
        DO UPDATE SET Dials = Dials + excluded.Dials, PeakDailyDials = max(PeakDailyDials, excluded.PeakDailyDials)
        """;

    /// <summary>
    /// The first day of the block of <paramref name="span"/> days holding <paramref name="day"/>
    /// (<see cref="AniSpanRollup.StartOf"/>): its day number is days since 0001-01-01, julian day 1721425.5.
    /// </summary>
    private static string SpanStartOf(string day, string span) =>
        $"date(julianday({day}) - (CAST(julianday({day}) - 1721425.5 AS INTEGER) % {span}))";

    private const string MarkCommitted = """
        UPDATE DialImports SET CommittedAtUtc = $now WHERE Id = $import AND CommittedAtUtc IS NULL
        """;

    /// <summary>The counts go to the rollup by campaign and to the totals of every campaign, by the day and by the week (Monday's date).</summary>
    private const string AddToRollups = """
        INSERT INTO DialRollups (CustomerId, Grouping, Day, CampaignId, AreaKey, Dials, Contacts)
        SELECT $customer, Grouping, Day, CampaignId, AreaKey, Dials, Contacts FROM temp.DialRollupDelta WHERE true
        ON CONFLICT (CustomerId, Grouping, Day, CampaignId, AreaKey)
        DO UPDATE SET Dials = Dials + excluded.Dials, Contacts = Contacts + excluded.Contacts;

        INSERT INTO DialTotals (CustomerId, Grouping, Period, Start, AreaKey, Dials, Contacts)
        SELECT $customer, Grouping, Period, Start, AreaKey, Dials, Contacts FROM temp.DialTotalDelta WHERE true
        ON CONFLICT (CustomerId, Grouping, Period, Start, AreaKey)
        DO UPDATE SET Dials = Dials + excluded.Dials, Contacts = Contacts + excluded.Contacts
        """;

    /// <summary>The rows of a failed import within a rowid range: its rows were given rising rowids.</summary>
    private const string RemoveWrittenDials = """
        DELETE FROM Dials WHERE rowid >= $from AND rowid < $to AND ImportId = $import
        """;

    public async Task<IDialImport> BeginImportAsync(Guid customerId, CancellationToken cancellationToken)
    {
        var customerTurn = await _customerTurns.EnterAsync(customerId, cancellationToken);
        try
        {
            await _context.Database.OpenConnectionAsync(cancellationToken);
            var connection = (SqliteConnection)_context.Database.GetDbConnection();
            try
            {
                await ExecuteAsync(connection, null, CreateCountTables, [], cancellationToken);
                return new Import(this, connection, customerTurn, customerId);
            }
            catch
            {
                await _context.Database.CloseConnectionAsync();
                throw;
            }
        }
        catch
        {
            customerTurn.Dispose();
            throw;
        }
    }

    /// <summary>The ZIP grouping's rollups and totals again from the stored dials of committed imports, after the ZIP table changed.</summary>
    private static readonly string RebuildZipRollups = $"""
        DELETE FROM DialRollups WHERE Grouping = 2;
        INSERT INTO DialRollups (CustomerId, Grouping, Day, CampaignId, AreaKey, Dials, Contacts)
        SELECT d.CustomerId, 2, d.Day, d.CampaignId, COALESCE('nanp:' || z.AreaCode, ''), COUNT(*), SUM(d.Contacted)
        FROM Dials d LEFT JOIN ZipAreaCodes z ON z.Zip = d.ProspectZip
        WHERE d.ImportId IS NULL OR d.ImportId NOT IN (SELECT Id FROM DialImports WHERE CommittedAtUtc IS NULL)
        GROUP BY d.CustomerId, d.Day, d.CampaignId, COALESCE('nanp:' || z.AreaCode, '');
        DELETE FROM DialTotals WHERE Grouping = 2;
        INSERT INTO DialTotals (CustomerId, Grouping, Period, Start, AreaKey, Dials, Contacts)
        {TotalsOf("CustomerId, Grouping", "(SELECT CustomerId, Grouping, Day, AreaKey, Dials, Contacts FROM DialRollups WHERE Grouping = 2)")};
        """;

    public async Task RebuildZipRollupsAsync(CancellationToken cancellationToken) =>
        await _context.Database.ExecuteSqlRawAsync(RebuildZipRollups, cancellationToken);

    /// <summary>Deletes the dials of imports that a crash or a lost database left unfinished; answers how many imports.</summary>
    public async Task<int> RemoveInterruptedImportsAsync(CancellationToken cancellationToken)
    {
        var interrupted = await _context.Database
            .SqlQueryRaw<int>("SELECT COUNT(*) AS Value FROM DialImports WHERE CommittedAtUtc IS NULL").SingleAsync(cancellationToken);
        if (interrupted > 0)
        {
            await _context.Database.ExecuteSqlRawAsync("""
                DELETE FROM Dials WHERE ImportId IN (SELECT Id FROM DialImports WHERE CommittedAtUtc IS NULL);
                DELETE FROM DialImports WHERE CommittedAtUtc IS NULL;
                """, cancellationToken);
            LogInterruptedImportsRemoved(_logger, interrupted);
        }

        return interrupted;
    }

    private static async Task<int> ExecuteAsync(
        SqliteConnection connection, SqliteTransaction? transaction, string sql, (string Name, object Value)[] parameters, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;

        // Bounded by the import's rows, not by time: never cut short halfway.
        command.CommandTimeout = 0;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Dial import wrote {NewDials} new dials in {Turns} write turns; the longest held the write lock {LongestMs} ms, the last (rollups) {LastMs} ms")]
    private static partial void LogCommitted(ILogger logger, long newDials, int turns, long longestMs, long lastMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Removed the dials of {Count} dial import(s) that a restart interrupted before they committed")]
    private static partial void LogInterruptedImportsRemoved(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "A failed dial import (id {ImportId}) could not remove its rows; the next start removes them")]
    private static partial void LogCleanupFailed(ILogger logger, Exception exception, long importId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Checkpointing the SQLite write-ahead log after a large import failed; it is retried after the next one")]
    private static partial void LogCheckpointFailed(ILogger logger, Exception exception);

    private sealed class Import : IDialImport
    {
        private readonly SqliteDialStore _store;
        private readonly SqliteConnection _connection;
        private IDisposable? _customerTurn;
        private readonly SqliteRowStatement _write;

        // Rows read but not yet written: the next write turn's.
        private readonly StagedDial[] _pending = new StagedDial[RowsPerTransaction];

        // The rollup counts of the rows written, by cell, until they spill (MaxRollupCellsCounted).
        private readonly Dictionary<(DialGrouping Grouping, DateOnly Day, long CampaignId, string AreaKey), (long Dials, long Contacts)> _rollupCells = [];
        private readonly string _customer;
        private int _pendingCount;
        private bool _spilled;

        // The counted cells in key order, when they never spilled: the last write turn adds them.
        private (DeltaCell[] Rollups, DeltaCell[] Totals)? _counted;
        private long _staged;
        private long _newDials;
        private long? _importId;

        // The lowest and highest rowid this import's rows were given: where a failed import's rows are.
        private long _firstRowId = long.MaxValue;
        private long _lastRowId = long.MinValue;
        private bool _committed;
        private int _turns;
        private TimeSpan _longestTurn;
        private TimeSpan _lastTurn;

        public Import(SqliteDialStore store, SqliteConnection connection, IDisposable customerTurn, Guid customerId)
        {
            (_store, _connection, _customerTurn, _customer) = (store, connection, customerTurn, SqliteText.Customer(customerId));
            _write = new SqliteRowStatement(connection, WriteDial);

            // Bound once: SQLite keeps a value bound until another replaces it.
            _write.Bind(1, _customer);
        }

        public ValueTask StageAsync(StagedDial dial, CancellationToken cancellationToken)
        {
            _pending[_pendingCount++] = dial;
            _staged++;
            return _pendingCount == _pending.Length ? new ValueTask(WritePendingAsync(cancellationToken)) : ValueTask.CompletedTask;
        }

        public async Task<DialImportCounts> CommitAsync(CancellationToken cancellationToken)
        {
            await WritePendingAsync(cancellationToken);
            if (_importId is { } importId)
            {
                await CountRollupsAsync(cancellationToken);
                await ExecuteAsync(_connection, null, CountAniDays, [("$from", _firstRowId), ("$to", _lastRowId), ("$import", importId)], cancellationToken);
                var now = SqliteText.Time(_store._clock.GetUtcNow().UtcDateTime);
                await InTurnAsync(async transaction =>
                {
                    if (await ExecuteAsync(_connection, transaction, MarkCommitted, [("$import", importId), ("$now", now)], cancellationToken) == 0)
                    {
                        // Another process's start removed this import's rows as interrupted (several processes on one SQLite file).
                        throw new DatabaseBusyException("This import was interrupted by a restart of the service; nothing of it was stored. Send it again.");
                    }

                    await ExecuteAsync(_connection, transaction, AddAniDays, [("$customer", _customer)], cancellationToken);
                    await ExecuteAsync(_connection, transaction, AddAniSpans, [("$customer", _customer)], cancellationToken);
                    if (_counted is var (rollups, totals))
                    {
                        WriteCells(AddRollupCell, rollups, cancellationToken, _customer);
                        WriteCells(AddTotalCell, totals, cancellationToken, _customer);
                        return 0;
                    }

                    return await ExecuteAsync(_connection, transaction, AddToRollups, [("$customer", _customer)], cancellationToken);
                }, cancellationToken);
                _committed = true;
                LogCommitted(_store._logger, _newDials, _turns, (long)_longestTurn.TotalMilliseconds, (long)_lastTurn.TotalMilliseconds);
            }

            // Committed: the customer's next import may go on (a failed one keeps the turn until its rows are removed).
            ReleaseCustomerTurn();
            if (_newDials >= CheckpointAfterRows)
            {
                await CheckpointAsync();
            }

            return new DialImportCounts(_newDials, _staged - _newDials);
        }

        /// <summary>The rows read since the last write turn, in one; the first turn also records the import.</summary>
        private async Task WritePendingAsync(CancellationToken cancellationToken)
        {
            if (_pendingCount == 0)
            {
                return;
            }

            cancellationToken.ThrowIfCancellationRequested();
            await InTurnAsync(async transaction =>
            {
                if (_importId is null)
                {
                    _importId = await StartImportAsync(transaction, cancellationToken);
                    _write.Bind(10, _importId.Value);
                }

                for (var index = 0; index < _pendingCount; index++)
                {
                    Write(_pending[index]);
                }

                return _pendingCount;
            }, cancellationToken);

            // Let the rows' strings go before the next ones are read.
            Array.Clear(_pending, 0, _pendingCount);
            _pendingCount = 0;
            if (_rollupCells.Count > MaxRollupCellsCounted)
            {
                await SpillAsync(cancellationToken);
            }
        }

        private async Task<long> StartImportAsync(SqliteTransaction transaction, CancellationToken cancellationToken)
        {
            await using var start = _connection.CreateCommand();
            start.Transaction = transaction;
            start.CommandText = StartImport;
            start.Parameters.AddWithValue("$customer", _customer);
            start.Parameters.AddWithValue("$now", SqliteText.Time(_store._clock.GetUtcNow().UtcDateTime));
            return (long)(await start.ExecuteScalarAsync(cancellationToken))!;
        }

        private void Write(in StagedDial dial)
        {
            _write.Bind(2, dial.CallId);
            _write.Bind(3, dial.CampaignId);
            _write.Bind(4, dial.DialedAtUtc);
            _write.Bind(5, dial.Day);
            _write.Bind(6, dial.ProspectNumber);
            _write.Bind(7, dial.AniNumber);
            _write.Bind(8, dial.ProspectZip);
            _write.Bind(9, dial.Contacted ? 1 : 0);
            if (dial.DispositionId is { } disposition)
            {
                _write.Bind(11, disposition);
                _write.Bind(12, dial.ProspectAreaKey);
                _write.Bind(13, dial.AniAreaKey);
            }
            else
            {
                _write.BindNull(11);
                _write.BindNull(12);
                _write.BindNull(13);
            }

            if (_write.Execute() == 0)
            {
                // The customer has this call id: from an earlier import, or earlier in this request.
                return;
            }

            var rowId = _write.LastInsertedRowId;
            (_firstRowId, _lastRowId) = (Math.Min(_firstRowId, rowId), Math.Max(_lastRowId, rowId));
            _newDials++;
            var counts = (1L, dial.Contacted ? 1L : 0L);
            AddTo(_rollupCells, (DialGrouping.AreaCode, dial.Day, dial.CampaignId, dial.ProspectAreaKey), counts);
            AddTo(_rollupCells, (DialGrouping.Ani, dial.Day, dial.CampaignId, dial.AniAreaKey), counts);
            AddTo(_rollupCells, (DialGrouping.Zip, dial.Day, dial.CampaignId, dial.ZipAreaKey), counts);
        }

        /// <summary>The counts so far into temp.DialRollupSpill (the temp database: no lock on the main one), and a fresh start in memory.</summary>
        private async Task SpillAsync(CancellationToken cancellationToken)
        {
            await using var transaction = _connection.BeginTransaction(deferred: true);
            WriteCells(SpillRollupCell, _rollupCells.Select(cell => new DeltaCell(cell.Key.Grouping, cell.Key.Day, cell.Key.CampaignId, cell.Key.AreaKey, cell.Value)), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            _rollupCells.Clear();
            _spilled = true;
        }

        /// <summary>
        /// The rollup and total counts of the rows written, summed and ordered outside the write
        /// lock (the last write turn only adds): in memory, or, once spilled, into
        /// temp.DialRollupDelta and temp.DialTotalDelta.
        /// </summary>
        private async Task CountRollupsAsync(CancellationToken cancellationToken)
        {
            if (!_spilled)
            {
                _counted = OrderCountedCells();
                return;
            }

            await SpillAsync(cancellationToken);
            await ExecuteAsync(_connection, null, SumSpilledRollups, [], cancellationToken);
            await ExecuteAsync(_connection, null, CountTotals, [], cancellationToken);
        }

        /// <summary>
        /// The counted cells, and their sums by the day and by the week, each in its table's key
        /// order (as <see cref="SumSpilledRollups"/> and <see cref="CountTotals"/> leave theirs),
        /// so the upserts walk each table in order.
        /// </summary>
        private (DeltaCell[] Rollups, DeltaCell[] Totals) OrderCountedCells()
        {
            // Ordered by packed integer keys, areas and campaigns by rank: comparing the cells
            // field by field (strings among them) took longer than writing them.
            var areaRanks = Ranks(_rollupCells.Keys.Select(cell => cell.AreaKey), StringComparer.Ordinal);
            var campaignRanks = Ranks(_rollupCells.Keys.Select(cell => cell.CampaignId), Comparer<long>.Default);
            var rollups = new DeltaCell[_rollupCells.Count];
            var rollupOrder = new ulong[rollups.Length];
            var totals = new Dictionary<ulong, DeltaCell>();
            var index = 0;
            foreach (var (cell, counts) in _rollupCells)
            {
                var area = areaRanks[cell.AreaKey];
                rollups[index] = new DeltaCell(cell.Grouping, cell.Day, cell.CampaignId, cell.AreaKey, counts);
                rollupOrder[index++] = OrderKey(cell.Grouping, DialPeriod.Day, cell.Day, campaignRanks[cell.CampaignId], area);
                AddTotal(totals, new DeltaCell(cell.Grouping, cell.Day, (long)DialPeriod.Day, cell.AreaKey, counts), area);
                AddTotal(totals, new DeltaCell(cell.Grouping, DialPeriods.WeekStart(cell.Day), (long)DialPeriod.Week, cell.AreaKey, counts), area);
            }

            Array.Sort(rollupOrder, rollups);
            var totalOrder = totals.Keys.ToArray();
            var totalCells = totals.Values.ToArray();
            Array.Sort(totalOrder, totalCells);
            return (rollups, totalCells);
        }

        private static void AddTo<TKey>(Dictionary<TKey, (long Dials, long Contacts)> cells, TKey key, (long Dials, long Contacts) counts)
            where TKey : notnull
        {
            ref var sum = ref CollectionsMarshal.GetValueRefOrAddDefault(cells, key, out _);
            sum = (sum.Dials + counts.Dials, sum.Contacts + counts.Contacts);
        }

        /// <summary>A rollup cell's counts into the total of its period (every campaign together), keyed in the totals' order.</summary>
        private static void AddTotal(Dictionary<ulong, DeltaCell> totals, DeltaCell cell, int areaRank)
        {
            ref var total = ref CollectionsMarshal.GetValueRefOrAddDefault(
                totals, OrderKey(cell.Grouping, (DialPeriod)cell.Key, cell.Day, campaignRank: 0, areaRank), out var exists);
            total = exists ? total with { Counts = (total.Counts.Dials + cell.Counts.Dials, total.Counts.Contacts + cell.Counts.Contacts) } : cell;
        }

        /// <summary>
        /// A cell's place in its table's key order, as one number: grouping and period (3 bits),
        /// day (22 bits: day numbers end at 3,652,058), campaign rank (19 bits) and area rank (20
        /// bits). Ranks stay near <see cref="MaxRollupCellsCounted"/>, far inside their bits.
        /// </summary>
        private static ulong OrderKey(DialGrouping grouping, DialPeriod period, DateOnly day, int campaignRank, int areaRank) =>
            ((ulong)((int)grouping * 2 + (int)period) << 61) | ((ulong)day.DayNumber << 39) | ((ulong)campaignRank << 20) | (uint)areaRank;

        /// <summary>Each distinct value's position in <paramref name="order"/>.</summary>
        private static Dictionary<T, int> Ranks<T>(IEnumerable<T> values, IComparer<T> order)
            where T : notnull
        {
            var distinct = values.Distinct().ToArray();
            Array.Sort(distinct, order);
            return distinct.Select((value, rank) => (value, rank)).ToDictionary(pair => pair.value, pair => pair.rank);
        }

        /// <summary>Cells through <paramref name="sql"/>, bound as ?1 to ?6, and <paramref name="customer"/> as ?7 when given.</summary>
        private void WriteCells(string sql, IEnumerable<DeltaCell> cells, CancellationToken cancellationToken, string? customer = null)
        {
            using var insert = new SqliteRowStatement(_connection, sql);
            if (customer is not null)
            {
                insert.Bind(7, customer);
            }

            foreach (var cell in cells)
            {
                cancellationToken.ThrowIfCancellationRequested();
                insert.Bind(1, (int)cell.Grouping);
                insert.Bind(2, cell.Day);
                insert.Bind(3, cell.Key);
                insert.Bind(4, cell.AreaKey);
                insert.Bind(5, cell.Counts.Dials);
                insert.Bind(6, cell.Counts.Contacts);
                insert.Execute();
            }
        }

        /// <summary>A counted cell: <see cref="Key"/> is the campaign of a rollup cell, the period of a total.</summary>
        private readonly record struct DeltaCell(DialGrouping Grouping, DateOnly Day, long Key, string AreaKey, (long Dials, long Contacts) Counts);

        /// <summary>One short write transaction, in this process's turn.</summary>
        private async Task<T> InTurnAsync<T>(Func<SqliteTransaction, Task<T>> write, CancellationToken cancellationToken)
        {
            using var turn = await _store._gate.EnterAsync(cancellationToken);
            var started = _store._clock.GetTimestamp();
            await using var transaction = _connection.BeginTransaction(deferred: false);
            var result = await write(transaction);
            await transaction.CommitAsync(cancellationToken);
            _lastTurn = _store._clock.GetElapsedTime(started);
            _longestTurn = _lastTurn > _longestTurn ? _lastTurn : _longestTurn;
            _turns++;
            return result;
        }

        /// <summary>
        /// Copies the write-ahead log into the database and truncates it: after a big import it
        /// would otherwise keep its largest size on disk. Readers still on an older snapshot can
        /// keep part of it; the next large import tries again.
        /// </summary>
        private async Task CheckpointAsync()
        {
            try
            {
                using var turn = await _store._gate.EnterAsync(CancellationToken.None);
                await ExecuteAsync(_connection, null, "PRAGMA wal_checkpoint(TRUNCATE)", [], CancellationToken.None);
            }
            catch (Exception exception) when (exception is SqliteException or DatabaseBusyException)
            {
                LogCheckpointFailed(_store._logger, exception);
            }
        }

        public async ValueTask DisposeAsync()
        {
            _write.Dispose();
            try
            {
                if (!_committed && _importId is { } importId)
                {
                    await RemoveWrittenDialsAsync(importId);
                }

                try
                {
                    await ExecuteAsync(_connection, null, DropCountTables, [], CancellationToken.None);
                }
                finally
                {
                    await _store._context.Database.CloseConnectionAsync();
                }
            }
            finally
            {
                ReleaseCustomerTurn();
            }
        }

        private void ReleaseCustomerTurn()
        {
            _customerTurn?.Dispose();
            _customerTurn = null;
        }

        /// <summary>Nothing half-written: the rows a failed import wrote go, in short turns over their rowids.</summary>
        private async Task RemoveWrittenDialsAsync(long importId)
        {
            try
            {
                for (var from = _firstRowId; from <= _lastRowId; from += RowsPerTransaction)
                {
                    var to = from + RowsPerTransaction;
                    await InTurnAsync(transaction => ExecuteAsync(_connection, transaction, RemoveWrittenDials,
                        [("$from", from), ("$to", to), ("$import", importId)], CancellationToken.None), CancellationToken.None);
                }

                await InTurnAsync(transaction => ExecuteAsync(_connection, transaction, "DELETE FROM DialImports WHERE Id = $import",
                    [("$import", importId)], CancellationToken.None), CancellationToken.None);
            }
            catch (Exception exception) when (exception is SqliteException or DatabaseBusyException)
            {
                LogCleanupFailed(_store._logger, exception, importId);
            }
        }
    }
}
