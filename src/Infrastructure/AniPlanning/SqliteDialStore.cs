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
/// <item>Rows stream into a temporary table (SQLite's temp database: writing it takes no lock on
/// the main database, and it spills to a file rather than growing in memory), keyed by call id:
/// a call id's first row in the request stays, later ones are duplicates.</item>
/// <item>At commit, in this customer's turn, the staged rows are written in transactions of
/// <see cref="RowsPerTransaction"/> rows, each waiting its turn at the <see cref="SqliteWriteGate"/>,
/// marked with the import's id; a call id the customer has already is left as it is.</item>
/// <item>Then, without the write lock, the rollup counts of the rows written: when all of them
/// were, the counts kept while staging serve (no pass over the rows); otherwise SQL counts the
/// rows that carry this import's id. The totals of every campaign are summed from those counts.</item>
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

    /// <summary>Temporary tables in a file (SQLite's temp store, spilled from a small cache), whatever the build's default: an import's size must not become the process's memory.</summary>
    private const string CreateStagingTables = """
        PRAGMA temp_store = FILE;
        DROP TABLE IF EXISTS temp.DialStaging;
        DROP TABLE IF EXISTS temp.DialNew;
        DROP TABLE IF EXISTS temp.DialRollupDelta;
        DROP TABLE IF EXISTS temp.DialTotalDelta;
        CREATE TEMP TABLE DialStaging (
            CallId TEXT NOT NULL UNIQUE, CampaignId INTEGER NOT NULL, DialedAtUtc TEXT NOT NULL, Day TEXT NOT NULL,
            ProspectNumber TEXT NOT NULL, AniNumber TEXT NOT NULL, ProspectZip TEXT NOT NULL, Contacted INTEGER NOT NULL,
            ProspectAreaKey TEXT NOT NULL, AniAreaKey TEXT NOT NULL, ZipAreaKey TEXT NOT NULL);
        CREATE TEMP TABLE DialNew (
            CallId TEXT NOT NULL, CampaignId INTEGER NOT NULL, DialedAtUtc TEXT NOT NULL, Day TEXT NOT NULL,
            ProspectNumber TEXT NOT NULL, AniNumber TEXT NOT NULL, ProspectZip TEXT NOT NULL, Contacted INTEGER NOT NULL,
            ProspectAreaKey TEXT NOT NULL, AniAreaKey TEXT NOT NULL, ZipAreaKey TEXT NOT NULL);
        CREATE TEMP TABLE DialRollupDelta (Grouping INTEGER NOT NULL, Day TEXT NOT NULL, CampaignId INTEGER NOT NULL, AreaKey TEXT NOT NULL, Dials INTEGER NOT NULL, Contacts INTEGER NOT NULL);
        CREATE TEMP TABLE DialTotalDelta (Grouping INTEGER NOT NULL, Period INTEGER NOT NULL, Start TEXT NOT NULL, AreaKey TEXT NOT NULL, Dials INTEGER NOT NULL, Contacts INTEGER NOT NULL);
        """;

    private const string DropStagingTables = """
        DROP TABLE IF EXISTS temp.DialStaging;
        DROP TABLE IF EXISTS temp.DialNew;
        DROP TABLE IF EXISTS temp.DialRollupDelta;
        DROP TABLE IF EXISTS temp.DialTotalDelta;
        """;

    private const string StageDial = """
        INSERT INTO temp.DialStaging (CallId, CampaignId, DialedAtUtc, Day, ProspectNumber, AniNumber, ProspectZip, Contacted, ProspectAreaKey, AniAreaKey, ZipAreaKey)
        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)
        ON CONFLICT (CallId) DO NOTHING
        """;

    /// <summary>The staged rows this import wrote, when some were not (call ids the customer had already).</summary>
    private const string SelectWrittenDials = """
        INSERT INTO temp.DialNew
        SELECT CallId, CampaignId, DialedAtUtc, Day, ProspectNumber, AniNumber, ProspectZip, Contacted, ProspectAreaKey, AniAreaKey, ZipAreaKey
        FROM temp.DialStaging staged
        WHERE EXISTS (SELECT 1 FROM main.Dials written WHERE written.CustomerId = $customer AND written.CallId = staged.CallId AND written.ImportId = $import)
        """;

    /// <summary>The rollup counts of every staged row: all of them were written.</summary>
    private static readonly string CountStagedRollups = CountRollupsOf("temp.DialStaging");

    /// <summary>The rollup counts of the rows <see cref="SelectWrittenDials"/> picked.</summary>
    private static readonly string CountWrittenRollups = CountRollupsOf("temp.DialNew");

    private static string CountRollupsOf(string source) => $"""
        INSERT INTO temp.DialRollupDelta (Grouping, Day, CampaignId, AreaKey, Dials, Contacts)
        SELECT Grouping, Day, CampaignId, AreaKey, COUNT(*), SUM(Contacted)
        FROM (
            SELECT $areaCode AS Grouping, Day, CampaignId, ProspectAreaKey AS AreaKey, Contacted FROM {source}
            UNION ALL SELECT $ani, Day, CampaignId, AniAreaKey, Contacted FROM {source}
            UNION ALL SELECT $zip, Day, CampaignId, ZipAreaKey, Contacted FROM {source})
        GROUP BY Grouping, Day, CampaignId, AreaKey
        ORDER BY Grouping, Day, CampaignId, AreaKey
        """;

    /// <summary>A counted cell, as <see cref="Import.StageCells"/> binds it: grouping, day, campaign, area, counts.</summary>
    private const string StageRollupCell = """
        INSERT INTO temp.DialRollupDelta (Grouping, Day, CampaignId, AreaKey, Dials, Contacts) VALUES (?1, ?2, ?3, ?4, ?5, ?6)
        """;

    /// <summary>A counted total, bound as a rollup cell is: grouping, start, period, area, counts.</summary>
    private const string StageTotalCell = """
        INSERT INTO temp.DialTotalDelta (Grouping, Start, Period, AreaKey, Dials, Contacts) VALUES (?1, ?2, ?3, ?4, ?5, ?6)
        """;

    /// <summary>The totals of every campaign from the rollup counts, however those were counted; in key order.</summary>
    private static readonly string CountTotals = $"""
        INSERT INTO temp.DialTotalDelta (Grouping, Period, Start, AreaKey, Dials, Contacts)
        {TotalsOf("Grouping", "temp.DialRollupDelta")}
        ORDER BY Grouping, Period, Start, AreaKey
        """;

    /// <summary>
    /// A rollup-shaped source (<paramref name="keys"/>, Day, AreaKey, Dials, Contacts) summed by the
    /// day and by the week (Monday's date), every campaign together.
    /// </summary>
    private static string TotalsOf(string keys, string source) => $"""
        SELECT {keys}, Period, Start, AreaKey, SUM(Dials), SUM(Contacts)
        FROM (
            SELECT {keys}, 0 AS Period, Day AS Start, AreaKey, Dials, Contacts FROM {source}
            UNION ALL SELECT {keys}, 1, date(Day, '-6 days', 'weekday 1'), AreaKey, Dials, Contacts FROM {source})
        GROUP BY {keys}, Period, Start, AreaKey
        """;

    /// <summary>
    /// Rollup cells an import counts as it stages (a request spans a few days, campaigns and
    /// areas, so this stays small); past it the counts are left to SQL at commit, so memory stays
    /// bounded whatever a request holds.
    /// </summary>
    public const int MaxRollupCellsCounted = 200_000;

    private const string StartImport = """
        INSERT INTO DialImports (CustomerId, StartedAtUtc) VALUES ($customer, $now) RETURNING Id
        """;

    private const string WriteStagedDials = """
        INSERT INTO Dials (CustomerId, CallId, CampaignId, DialedAtUtc, Day, ProspectNumber, AniNumber, ProspectZip, Contacted, ImportId)
        SELECT $customer, CallId, CampaignId, DialedAtUtc, Day, ProspectNumber, AniNumber, ProspectZip, Contacted, $import
        FROM temp.DialStaging WHERE rowid > $after AND rowid <= $through
        ON CONFLICT (CustomerId, CallId) DO NOTHING
        """;

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

    private const string RemoveNewDials = """
        DELETE FROM Dials WHERE CustomerId = $customer AND ImportId = $import
        AND CallId IN (SELECT CallId FROM temp.DialStaging WHERE rowid > $after AND rowid <= $through)
        """;

    public async Task<IDialImport> BeginImportAsync(Guid customerId, CancellationToken cancellationToken)
    {
        await _context.Database.OpenConnectionAsync(cancellationToken);
        var connection = (SqliteConnection)_context.Database.GetDbConnection();
        try
        {
            await ExecuteAsync(connection, null, CreateStagingTables, [], cancellationToken);

            // A transaction on the temp database only: it batches the staging writes and takes no lock on the main database.
            return new Import(this, connection, connection.BeginTransaction(deferred: true), customerId);
        }
        catch
        {
            await _context.Database.CloseConnectionAsync();
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

    /// <summary>EF Core stores a Guid in SQLite as upper-case text.</summary>
    private static string CustomerText(Guid customerId) => customerId.ToString().ToUpperInvariant();

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
        private readonly string _customer;
        private readonly Guid _customerId;
        private readonly SqliteRowStatement _stage;

        // The rollup counts of every staged call id, kept while they fit: when all of them turn
        // out new (the usual import) they are the rollup delta, without a pass over the rows.
        private Dictionary<(DialGrouping Grouping, DateOnly Day, long CampaignId, string AreaKey), (long Dials, long Contacts)>? _rollupCells = [];
        private SqliteTransaction? _staging;
        private long _staged;

        // Staged call ids, each once: the staging table's rowids run from 1 to this.
        private long _distinct;
        private long _newDials;
        private long? _importId;
        private bool _committed;
        private int _turns;
        private TimeSpan _longestTurn;
        private TimeSpan _lastTurn;

        public Import(SqliteDialStore store, SqliteConnection connection, SqliteTransaction staging, Guid customerId)
        {
            (_store, _connection, _staging, _customerId, _customer) = (store, connection, staging, customerId, CustomerText(customerId));
            _stage = new SqliteRowStatement(connection, StageDial);
        }

        public ValueTask StageAsync(StagedDial dial, CancellationToken cancellationToken)
        {
            _stage.Bind(1, dial.CallId);
            _stage.Bind(2, dial.CampaignId);
            _stage.Bind(3, dial.DialedAtUtc);
            _stage.Bind(4, dial.Day);
            _stage.Bind(5, dial.ProspectNumber);
            _stage.Bind(6, dial.AniNumber);
            _stage.Bind(7, dial.ProspectZip);
            _stage.Bind(8, dial.Contacted ? 1 : 0);
            _stage.Bind(9, dial.ProspectAreaKey);
            _stage.Bind(10, dial.AniAreaKey);
            _stage.Bind(11, dial.ZipAreaKey);
            _staged++;

            // No change: the call id came earlier in this request, whose first row it keeps.
            if (_stage.Execute() == 1)
            {
                _distinct++;
                CountRollupCells(dial);
            }

            return ValueTask.CompletedTask;
        }


        public async Task<DialImportCounts> CommitAsync(CancellationToken cancellationToken)
        {
            await _staging!.CommitAsync(cancellationToken);
            await _staging.DisposeAsync();
            _staging = null;

            if (_distinct > 0)
            {
                // One import of a customer writes at a time, so "already known" is decided against
                // whatever an earlier import of the same customer committed or rolled back.
                using var customerTurn = await _store._customerTurns.EnterAsync(_customerId, cancellationToken);
                await WriteAsync(cancellationToken);
                _committed = true;
                LogCommitted(_store._logger, _newDials, _turns, (long)_longestTurn.TotalMilliseconds, (long)_lastTurn.TotalMilliseconds);
                if (_newDials >= CheckpointAfterRows)
                {
                    await CheckpointAsync();
                }
            }

            return new DialImportCounts(_newDials, _staged - _newDials);
        }

        /// <summary>
        /// The rollup and total counts of the rows written, grouped here, outside the write lock:
        /// the last write turn only adds. The counts kept while staging are worth it up to two
        /// cells per row (measured: 64k cells of 100k rows staged in 160 ms, where SQL's pass over
        /// the 300k grouped rows took 360 ms).
        /// </summary>
        private async Task CountRollupsAsync(CancellationToken cancellationToken)
        {
            var allWritten = _newDials == _distinct;
            if (allWritten && _rollupCells is not null && _rollupCells.Count <= 2L * _distinct)
            {
                await StageCountedCellsAsync(cancellationToken);
                return;
            }

            if (!allWritten)
            {
                await ExecuteAsync(_connection, null, SelectWrittenDials, [("$customer", _customer), ("$import", _importId!.Value)], cancellationToken);
            }

            await ExecuteAsync(_connection, null, allWritten ? CountStagedRollups : CountWrittenRollups,
                [("$areaCode", (int)DialGrouping.AreaCode), ("$ani", (int)DialGrouping.Ani), ("$zip", (int)DialGrouping.Zip)], cancellationToken);
            await ExecuteAsync(_connection, null, CountTotals, [], cancellationToken);
        }

        private void CountRollupCells(StagedDial dial)
        {
            if (_rollupCells is null)
            {
                return;
            }

            var counts = (1L, dial.Contacted ? 1L : 0L);
            AddTo(_rollupCells, (DialGrouping.AreaCode, dial.Day, dial.CampaignId, dial.ProspectAreaKey), counts);
            AddTo(_rollupCells, (DialGrouping.Ani, dial.Day, dial.CampaignId, dial.AniAreaKey), counts);
            AddTo(_rollupCells, (DialGrouping.Zip, dial.Day, dial.CampaignId, dial.ZipAreaKey), counts);
            if (_rollupCells.Count > MaxRollupCellsCounted)
            {
                _rollupCells = null;
            }
        }

        /// <summary>
        /// The counted cells into temp.DialRollupDelta, and their sums by the day and by the week
        /// into temp.DialTotalDelta, each in its key's order as <see cref="CountRollupsOf"/> and
        /// <see cref="CountTotals"/> leave them; outside the write lock (temp database), so the last
        /// write turn is the same either way.
        /// </summary>
        private async Task StageCountedCellsAsync(CancellationToken cancellationToken)
        {
            // Ordered by packed integer keys, areas and campaigns by rank: comparing the cells
            // field by field (strings among them) took longer than writing them.
            var areaRanks = Ranks(_rollupCells!.Keys.Select(cell => cell.AreaKey), StringComparer.Ordinal);
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

            await using var transaction = _connection.BeginTransaction(deferred: true);
            StageCells(StageRollupCell, rollups, cancellationToken);
            StageCells(StageTotalCell, totalCells, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
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
        /// bits). Ranks stay below <see cref="MaxRollupCellsCounted"/>, far inside their bits.
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

        private void StageCells(string sql, DeltaCell[] cells, CancellationToken cancellationToken)
        {
            using var insert = new SqliteRowStatement(_connection, sql);
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

        private async Task WriteAsync(CancellationToken cancellationToken)
        {
            var now = SqliteText.Time(_store._clock.GetUtcNow().UtcDateTime);
            _importId = await InTurnAsync(async transaction =>
            {
                await using var start = _connection.CreateCommand();
                start.Transaction = transaction;
                start.CommandText = StartImport;
                start.Parameters.AddWithValue("$customer", _customer);
                start.Parameters.AddWithValue("$now", now);
                return (long)(await start.ExecuteScalarAsync(cancellationToken))!;
            }, cancellationToken);

            foreach (var (after, through) in TurnRanges())
            {
                _newDials += await InTurnAsync(transaction => ExecuteAsync(_connection, transaction, WriteStagedDials,
                    [("$customer", _customer), ("$import", _importId.Value), ("$after", after), ("$through", through)], cancellationToken), cancellationToken);
            }

            if (_newDials > 0)
            {
                await CountRollupsAsync(cancellationToken);
            }

            await InTurnAsync(async transaction =>
            {
                if (await ExecuteAsync(_connection, transaction, MarkCommitted, [("$import", _importId.Value), ("$now", now)], cancellationToken) == 0)
                {
                    // Another process's start removed this import's rows as interrupted (several processes on one SQLite file).
                    throw new DatabaseBusyException("This import was interrupted by a restart of the service; nothing of it was stored. Send it again.");
                }

                return await ExecuteAsync(_connection, transaction, AddToRollups, [("$customer", _customer)], cancellationToken);
            }, cancellationToken);
        }

        /// <summary>The rowid ranges of temp.DialStaging (numbered from 1) that one write turn each covers.</summary>
        private IEnumerable<(long After, long Through)> TurnRanges()
        {
            for (long after = 0; after < _distinct; after += RowsPerTransaction)
            {
                yield return (after, Math.Min(after + RowsPerTransaction, _distinct));
            }
        }

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
            _stage.Dispose();
            if (_staging is not null)
            {
                await _staging.RollbackAsync();
                await _staging.DisposeAsync();
            }

            if (!_committed && _importId is { } importId)
            {
                await RemoveWrittenDialsAsync(importId);
            }

            try
            {
                await ExecuteAsync(_connection, null, DropStagingTables, [], CancellationToken.None);
            }
            finally
            {
                await _store._context.Database.CloseConnectionAsync();
            }
        }

        /// <summary>Nothing half-written: the rows a failed import wrote go, in the same short turns.</summary>
        private async Task RemoveWrittenDialsAsync(long importId)
        {
            try
            {
                foreach (var (after, through) in TurnRanges())
                {
                    await InTurnAsync(transaction => ExecuteAsync(_connection, transaction, RemoveNewDials,
                        [("$customer", _customer), ("$import", importId), ("$after", after), ("$through", through)], CancellationToken.None), CancellationToken.None);
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
