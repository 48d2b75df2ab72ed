using System.Data;
using AniPlanner.Application.AniPlanning.ImportDials;
using AniPlanner.Application.Common.Exceptions;
using AniPlanner.Domain.AniPlanning.Dials;
using AniPlanner.Infrastructure.Persistence;
using Microsoft.Data.SqlClient;
using Microsoft.EntityFrameworkCore;

namespace AniPlanner.Infrastructure.AniPlanning;

/// <summary>
/// Dial imports on SQL Server: rows stream into a #temp staging table through SqlBulkCopy in
/// fixed-size batches (memory stays flat); the commit finds the new call ids, inserts them and
/// MERGEs them into the three rollups, set-based, in one transaction. Every statement runs on the
/// import's one connection, where the #temp table lives. Commits of one customer take turns
/// (an application lock), so two imports of the same call ids cannot deadlock or both count them.
/// The statements are members here so the unit tests can parse them.
/// </summary>
public sealed class SqlServerDialStore(AniPlannerDbContext context) : IDialStore
{
    private const int BatchSize = 10_000;

    /// <summary>
    /// Text columns take the collation of the column they are compared with or written to, never
    /// tempdb's (comparing two collations fails, error 468): Dials.CallId's binary one for call
    /// ids, the database's for the rest.
    /// </summary>
    internal static readonly string CreateStaging = $"""
        CREATE TABLE #DialStaging (
            Seq bigint NOT NULL PRIMARY KEY,
            CallId nvarchar({DialConfiguration.MaxCallIdLength}) COLLATE {AniPlannerDbContext.SqlServerBinaryCollation} NOT NULL,
            CampaignId bigint NOT NULL, DialedAtUtc datetime2 NOT NULL, Day date NOT NULL,
            ProspectNumber nvarchar(20) COLLATE DATABASE_DEFAULT NOT NULL, AniNumber nvarchar(20) COLLATE DATABASE_DEFAULT NOT NULL,
            ProspectZip nvarchar(5) COLLATE DATABASE_DEFAULT NOT NULL, Contacted bit NOT NULL,
            ProspectKey nvarchar(16) COLLATE DATABASE_DEFAULT NOT NULL, AniKey nvarchar(16) COLLATE DATABASE_DEFAULT NOT NULL,
            ZipKey nvarchar(16) COLLATE DATABASE_DEFAULT NOT NULL, DispositionId bigint NULL,
            IsNew bit NOT NULL DEFAULT 0);
        """;

    /// <summary>Held by the transaction, so it ends with the commit or the rollback; answers sp_getapplock's result in @result.</summary>
    internal const string AcquireCommitLock = """
        EXEC @result = sys.sp_getapplock @Resource = @resource, @LockMode = 'Exclusive', @LockOwner = 'Transaction', @LockTimeout = @timeoutMs;
        """;

    internal const string MarkNew = """
        WITH firsts AS (SELECT Seq, ROW_NUMBER() OVER (PARTITION BY CallId ORDER BY Seq) AS Position FROM #DialStaging)
        UPDATE s SET IsNew = 1
        FROM #DialStaging s JOIN firsts f ON f.Seq = s.Seq
        WHERE f.Position = 1
          AND NOT EXISTS (SELECT 1 FROM Dials d WITH (UPDLOCK, HOLDLOCK) WHERE d.CustomerId = @customer AND d.CallId = s.CallId);
        """;

    internal const string InsertNew = """
        INSERT INTO Dials (CustomerId, CallId, CampaignId, DialedAtUtc, Day, ProspectNumber, AniNumber, ProspectZip, Contacted,
                           DispositionId, ProspectAreaKey, AniAreaKey)
        SELECT @customer, CallId, CampaignId, DialedAtUtc, Day, ProspectNumber, AniNumber, ProspectZip, Contacted,
               DispositionId, CASE WHEN DispositionId IS NULL THEN NULL ELSE ProspectKey END, CASE WHEN DispositionId IS NULL THEN NULL ELSE AniKey END
        FROM #DialStaging WHERE IsNew = 1;
        """;

    /// <summary>
    /// Under the commit lock, which a disposition's change takes too: staged dials count by their
    /// disposition's contact flag as it is now, and name none that was deleted meanwhile.
    /// </summary>
    internal const string FollowDispositions = """
        UPDATE s SET Contacted = d.Contact
        FROM #DialStaging s JOIN Dispositions d ON d.Id = s.DispositionId
        WHERE s.Contacted <> d.Contact;
        UPDATE s SET DispositionId = NULL
        FROM #DialStaging s
        WHERE s.DispositionId IS NOT NULL AND NOT EXISTS (SELECT 1 FROM Dispositions d WHERE d.Id = s.DispositionId);
        """;

    /// <summary>
    /// Two MERGEs per grouping, each from the staging column that holds that grouping's area key:
    /// the rollup by campaign, then the totals of every campaign (by the day and by the week).
    /// </summary>
    internal static readonly IReadOnlyList<string> MergeRollups =
    [
        MergeRollup(DialGrouping.AreaCode, "ProspectKey"),
        MergeRollup(DialGrouping.Ani, "AniKey"),
        MergeRollup(DialGrouping.Zip, "ZipKey"),
        MergeTotals(DialGrouping.AreaCode, "ProspectKey"),
        MergeTotals(DialGrouping.Ani, "AniKey"),
        MergeTotals(DialGrouping.Zip, "ZipKey"),
    ];

    /// <summary>The new dials counted into the per-ANI rollup.</summary>
    internal const string MergeAniDays = """
        MERGE AniDayRollups WITH (HOLDLOCK) AS target
        USING (SELECT Day, AniNumber, COUNT_BIG(*) AS Dials, SUM(CAST(Contacted AS bigint)) AS Contacts
               FROM #DialStaging WHERE IsNew = 1 GROUP BY Day, AniNumber) AS source
        ON target.CustomerId = @customer AND target.Day = source.Day AND target.AniNumber = source.AniNumber
        WHEN MATCHED THEN UPDATE SET Dials = target.Dials + source.Dials, Contacts = target.Contacts + source.Contacts
        WHEN NOT MATCHED THEN INSERT (CustomerId, Day, AniNumber, Dials, Contacts)
            VALUES (@customer, source.Day, source.AniNumber, source.Dials, source.Contacts);
        """;

    /// <summary>
    /// The new dials counted into the per-ANI blocks, after <see cref="MergeAniDays"/> in the same
    /// transaction: a block's busiest day is the higher of the one it had and the days just counted, as they are now.
    /// </summary>
    internal static readonly string MergeAniSpans = $"""
        MERGE AniSpanRollups WITH (HOLDLOCK) AS target
        USING (SELECT s.Span, b.Start, d.AniNumber, SUM(d.Dials) AS Dials, MAX(a.Dials) AS PeakDailyDials
               FROM (SELECT Day, AniNumber, COUNT_BIG(*) AS Dials FROM #DialStaging WHERE IsNew = 1 GROUP BY Day, AniNumber) AS d
               JOIN AniDayRollups a ON a.CustomerId = @customer AND a.Day = d.Day AND a.AniNumber = d.AniNumber
               CROSS JOIN (VALUES {string.Join(", ", AniSpanRollup.Spans.Select(span => $"({span})"))}) AS s (Span)
               CROSS APPLY (SELECT {SpanStartOf("d.Day", "s.Span")} AS Start) AS b
               GROUP BY s.Span, b.Start, d.AniNumber) AS source
        ON target.CustomerId = @customer AND target.Span = source.Span AND target.Start = source.Start AND target.AniNumber = source.AniNumber
        WHEN MATCHED THEN UPDATE SET Dials = target.Dials + source.Dials,
            PeakDailyDials = CASE WHEN source.PeakDailyDials > target.PeakDailyDials THEN source.PeakDailyDials ELSE target.PeakDailyDials END
        WHEN NOT MATCHED THEN INSERT (CustomerId, Span, Start, AniNumber, Dials, PeakDailyDials)
            VALUES (@customer, source.Span, source.Start, source.AniNumber, source.Dials, source.PeakDailyDials);
        """;

    /// <summary>The first day of the block of <paramref name="span"/> days holding <paramref name="day"/> (<see cref="AniSpanRollup.StartOf"/>): days since 0001-01-01 are never negative.</summary>
    internal static string SpanStartOf(string day, string span) => $"DATEADD(day, -(DATEDIFF(day, CAST('00010101' AS date), {day}) % {span}), {day})";

    /// <summary>The Monday of a date's week, whatever SET DATEFIRST says: 0001-01-01 was a Monday, so the difference is never negative (T-SQL's % keeps the sign).</summary>
    internal static string WeekStartOf(string day) => SpanStartOf(day, "7");

    internal const string DropStaging = "DROP TABLE #DialStaging;";

    internal static readonly string RebuildZipRollups = $"""
        DELETE FROM DialRollups WHERE [Grouping] = 2;
        INSERT INTO DialRollups (CustomerId, [Grouping], Day, CampaignId, AreaKey, Dials, Contacts)
        SELECT d.CustomerId, 2, d.Day, d.CampaignId, COALESCE('nanp:' + z.AreaCode, ''), COUNT_BIG(*), SUM(CAST(d.Contacted AS bigint))
        FROM Dials d LEFT JOIN ZipAreaCodes z ON z.Zip = d.ProspectZip
        GROUP BY d.CustomerId, d.Day, d.CampaignId, COALESCE('nanp:' + z.AreaCode, '');
        DELETE FROM DialTotals WHERE [Grouping] = 2;
        INSERT INTO DialTotals (CustomerId, [Grouping], [Period], [Start], AreaKey, Dials, Contacts)
        SELECT r.CustomerId, 2, period.Kind, period.Start, r.AreaKey, SUM(r.Dials), SUM(r.Contacts)
        FROM DialRollups r
        CROSS APPLY (VALUES (0, r.Day), (1, {WeekStartOf("r.Day")})) AS period (Kind, Start)
        WHERE r.[Grouping] = 2
        GROUP BY r.CustomerId, period.Kind, period.Start, r.AreaKey;
        """;

    public Task<IDialImport> BeginImportAsync(Guid customerId, CancellationToken cancellationToken) =>
        DialImportTransactions.BeginAsync<SqlConnection, SqlTransaction>(context, async (connection, transaction) =>
        {
            await using var create = CreateStagingCommand(connection, transaction);
            await create.ExecuteNonQueryAsync(cancellationToken);
            return new Import(context, connection, transaction, customerId);
        }, cancellationToken);

    /// <summary>Runs at start-up over every stored dial, so its time grows with them: no timeout.</summary>
    /// <summary>An import here is one transaction: a crash leaves nothing behind.</summary>
    public Task<int> RemoveInterruptedImportsAsync(CancellationToken cancellationToken) => Task.FromResult(0);

    public Task RebuildZipRollupsAsync(CancellationToken cancellationToken) =>
        context.Database.WithoutCommandTimeoutAsync(() => context.Database.ExecuteSqlRawAsync(RebuildZipRollups, cancellationToken));

    /// <summary>
    /// A plain batch, with no parameters: SqlClient sends a command with parameters through
    /// sp_executesql, and a #temp table created in there is dropped when that call returns.
    /// </summary>
    internal static SqlCommand CreateStagingCommand(SqlConnection connection, SqlTransaction? transaction) =>
        new(CreateStaging, connection, transaction) { CommandTimeout = 0 };

    /// <summary>Exclusive per customer; the id is in the name, so other customers never wait.</summary>
    internal static string CommitLockResource(Guid customerId) => $"AniPlanner.DialImport.{customerId:N}";

    /// <summary>The customer's dial import commit lock, held by the transaction; a disposition's re-count takes it too.</summary>
    internal static async Task AcquireCommitLockAsync(SqlConnection connection, SqlTransaction transaction, Guid customerId, CancellationToken cancellationToken)
    {
        await using var command = new SqlCommand(AcquireCommitLock, connection, transaction) { CommandTimeout = 0 };
        command.Parameters.Add("@resource", SqlDbType.NVarChar, 255).Value = CommitLockResource(customerId);
        command.Parameters.Add("@timeoutMs", SqlDbType.Int).Value = (int)DatabaseBusyException.DialImportCommitWait.TotalMilliseconds;
        var result = command.Parameters.Add("@result", SqlDbType.Int);
        result.Direction = ParameterDirection.Output;
        await command.ExecuteNonQueryAsync(cancellationToken);

        // 0 or 1: granted. -1 timed out, -2 cancelled, -3 chosen as deadlock victim; -999 a bad call.
        var status = result.Value is int value ? value : -999;
        if (status == -999)
        {
            throw new InvalidOperationException($"sp_getapplock rejected the dial import's lock request for customer {customerId}.");
        }

        if (status < 0)
        {
            throw DatabaseBusyException.AnotherDialImportCommitting();
        }
    }

    private static string MergeRollup(DialGrouping grouping, string keyColumn) => $"""
        MERGE DialRollups WITH (HOLDLOCK) AS target
        USING (SELECT Day, CampaignId, {keyColumn} AS AreaKey, COUNT_BIG(*) AS Dials, SUM(CAST(Contacted AS bigint)) AS Contacts
               FROM #DialStaging WHERE IsNew = 1 GROUP BY Day, CampaignId, {keyColumn}) AS source
        ON target.CustomerId = @customer AND target.[Grouping] = {(int)grouping} AND target.Day = source.Day
           AND target.CampaignId = source.CampaignId AND target.AreaKey = source.AreaKey
        WHEN MATCHED THEN UPDATE SET Dials = target.Dials + source.Dials, Contacts = target.Contacts + source.Contacts
        WHEN NOT MATCHED THEN INSERT (CustomerId, [Grouping], Day, CampaignId, AreaKey, Dials, Contacts)
            VALUES (@customer, {(int)grouping}, source.Day, source.CampaignId, source.AreaKey, source.Dials, source.Contacts);
        """;

    private static string MergeTotals(DialGrouping grouping, string keyColumn) => $"""
        MERGE DialTotals WITH (HOLDLOCK) AS target
        USING (SELECT period.Kind AS [Period], period.Start AS [Start], {keyColumn} AS AreaKey,
                      COUNT_BIG(*) AS Dials, SUM(CAST(Contacted AS bigint)) AS Contacts
               FROM #DialStaging
               CROSS APPLY (VALUES (0, Day), (1, {WeekStartOf("Day")})) AS period (Kind, Start)
               WHERE IsNew = 1 GROUP BY period.Kind, period.Start, {keyColumn}) AS source
        ON target.CustomerId = @customer AND target.[Grouping] = {(int)grouping} AND target.[Period] = source.[Period]
           AND target.[Start] = source.[Start] AND target.AreaKey = source.AreaKey
        WHEN MATCHED THEN UPDATE SET Dials = target.Dials + source.Dials, Contacts = target.Contacts + source.Contacts
        WHEN NOT MATCHED THEN INSERT (CustomerId, [Grouping], [Period], [Start], AreaKey, Dials, Contacts)
            VALUES (@customer, {(int)grouping}, source.[Period], source.[Start], source.AreaKey, source.Dials, source.Contacts);
        """;

    private sealed class Import(AniPlannerDbContext context, SqlConnection connection, SqlTransaction transaction, Guid customerId) : IDialImport
    {
        private readonly DataTable _batch = NewBatch();
        private long _staged;
        private bool _committed;

        public async ValueTask StageAsync(StagedDial dial, CancellationToken cancellationToken)
        {
            _batch.Rows.Add(
                ++_staged, dial.CallId, dial.CampaignId, dial.DialedAtUtc, dial.Day.ToDateTime(TimeOnly.MinValue), dial.ProspectNumber,
                dial.AniNumber, dial.ProspectZip, dial.Contacted, dial.ProspectAreaKey, dial.AniAreaKey, dial.ZipAreaKey,
                dial.DispositionId is { } disposition ? disposition : DBNull.Value);
            if (_batch.Rows.Count >= BatchSize)
            {
                await FlushAsync(cancellationToken);
            }
        }

        public async Task<DialImportCounts> CommitAsync(CancellationToken cancellationToken)
        {
            await FlushAsync(cancellationToken);

            // Only now: staging is private to this session, and a slow upload must not hold up
            // the customer's other imports.
            await AcquireCommitLockAsync(connection, transaction, customerId, cancellationToken);
            await ExecuteForCustomerAsync(FollowDispositions, cancellationToken);
            await ExecuteForCustomerAsync(MarkNew, cancellationToken);
            var accepted = await ExecuteForCustomerAsync(InsertNew, cancellationToken);
            foreach (var merge in MergeRollups)
            {
                await ExecuteForCustomerAsync(merge, cancellationToken);
            }

            await ExecuteForCustomerAsync(MergeAniDays, cancellationToken);
            await ExecuteForCustomerAsync(MergeAniSpans, cancellationToken);

            await using (var drop = new SqlCommand(DropStaging, connection, transaction))
            {
                await drop.ExecuteNonQueryAsync(cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
            _committed = true;
            return new DialImportCounts(accepted, _staged - accepted);
        }

        public async ValueTask DisposeAsync()
        {
            try
            {
                // Nothing half-written. A transaction the server already ended (the connection
                // broke) has nothing left to roll back, and trying would hide the first error.
                if (!_committed && transaction.Connection is not null)
                {
                    await transaction.RollbackAsync();
                }
            }
            finally
            {
                await transaction.DisposeAsync();
                _batch.Dispose();
                await context.Database.CloseConnectionAsync();
            }
        }

        private async Task<int> ExecuteForCustomerAsync(string sql, CancellationToken cancellationToken)
        {
            await using var command = new SqlCommand(sql, connection, transaction) { CommandTimeout = 0 };
            command.Parameters.Add("@customer", SqlDbType.UniqueIdentifier).Value = customerId;
            return await command.ExecuteNonQueryAsync(cancellationToken);
        }

        private async Task FlushAsync(CancellationToken cancellationToken)
        {
            if (_batch.Rows.Count == 0)
            {
                return;
            }

            using var bulk = new SqlBulkCopy(connection, SqlBulkCopyOptions.Default, transaction)
            {
                DestinationTableName = "#DialStaging",
                BulkCopyTimeout = 0,
            };
            foreach (DataColumn column in _batch.Columns)
            {
                bulk.ColumnMappings.Add(column.ColumnName, column.ColumnName);
            }

            await bulk.WriteToServerAsync(_batch, cancellationToken);
            _batch.Clear();
        }

        private static DataTable NewBatch()
        {
            var table = new DataTable();
            table.Columns.Add("Seq", typeof(long));
            table.Columns.Add("CallId", typeof(string));
            table.Columns.Add("CampaignId", typeof(long));
            table.Columns.Add("DialedAtUtc", typeof(DateTime));
            table.Columns.Add("Day", typeof(DateTime));
            table.Columns.Add("ProspectNumber", typeof(string));
            table.Columns.Add("AniNumber", typeof(string));
            table.Columns.Add("ProspectZip", typeof(string));
            table.Columns.Add("Contacted", typeof(bool));
            table.Columns.Add("ProspectKey", typeof(string));
            table.Columns.Add("AniKey", typeof(string));
            table.Columns.Add("ZipKey", typeof(string));
            table.Columns.Add("DispositionId", typeof(long));
            return table;
        }
    }
}
