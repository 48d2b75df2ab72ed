using AniPlanner.Application.AniPlanning.ImportDials;
using AniPlanner.Application.Common.Exceptions;
using AniPlanner.Domain.AniPlanning.Dials;
using AniPlanner.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace AniPlanner.Infrastructure.AniPlanning;

/// <summary>
/// Dial imports on PostgreSQL: rows stream into a temporary staging table through binary COPY
/// (Npgsql flushes its buffer as it goes, so memory stays flat); the commit inserts the new call
/// ids and upserts the three rollups in one statement, in one transaction. Imports of one
/// customer commit one at a time (an advisory lock), so their rollup upserts cannot deadlock.
/// </summary>
public sealed class PostgreSqlDialStore(AniPlannerDbContext context) : IDialStore
{
    /// <summary>Dropped with the transaction, whether it commits or rolls back.</summary>
    internal const string CreateStaging = """
        CREATE TEMPORARY TABLE dial_staging (
            seq bigint NOT NULL, call_id varchar(128) NOT NULL, campaign_id bigint NOT NULL,
            dialed_at_utc timestamp with time zone NOT NULL, day date NOT NULL, prospect_number varchar(20) NOT NULL,
            ani_number varchar(20) NOT NULL, prospect_zip varchar(5) NOT NULL, contacted boolean NOT NULL,
            prospect_key varchar(16) NOT NULL, ani_key varchar(16) NOT NULL, zip_key varchar(16) NOT NULL, disposition_id bigint NULL
        ) ON COMMIT DROP
        """;

    internal const string CopyIntoStaging = """
        COPY dial_staging (seq, call_id, campaign_id, dialed_at_utc, day, prospect_number, ani_number, prospect_zip, contacted,
                           prospect_key, ani_key, zip_key, disposition_id) FROM STDIN (FORMAT BINARY)
        """;

    /// <summary>
    /// The first row of each call id goes in unless the customer already has it; the rows that went
    /// in are added to each grouping's rollup by campaign, to its totals of every campaign (by the
    /// day and by the week, Monday's date) and to the per-ANI rollup. Answers how many went in.
    /// </summary>
    internal static readonly string InsertNewAndRollUp = $"""
        WITH firsts AS (
            SELECT DISTINCT ON (call_id) * FROM dial_staging ORDER BY call_id, seq
        ), inserted AS (
            INSERT INTO "Dials" ("CustomerId", "CallId", "CampaignId", "DialedAtUtc", "Day", "ProspectNumber", "AniNumber", "ProspectZip", "Contacted",
                                 "DispositionId", "ProspectAreaKey", "AniAreaKey")
            SELECT @customer, call_id, campaign_id, dialed_at_utc, day, prospect_number, ani_number, prospect_zip, contacted,
                   disposition_id, CASE WHEN disposition_id IS NULL THEN NULL ELSE prospect_key END, CASE WHEN disposition_id IS NULL THEN NULL ELSE ani_key END
            FROM firsts
            ON CONFLICT ("CustomerId", "CallId") DO NOTHING
            RETURNING "CallId"
        ), counted AS (
            SELECT area.grouping, f.day, f.campaign_id, area.key, COUNT(*) AS dials, SUM(f.contacted::int) AS contacts
            FROM firsts f
            JOIN inserted i ON i."CallId" = f.call_id
            CROSS JOIN LATERAL (VALUES (0, f.prospect_key), (1, f.ani_key), (2, f.zip_key)) AS area (grouping, key)
            GROUP BY area.grouping, f.day, f.campaign_id, area.key
        ), rollups AS (
            INSERT INTO "DialRollups" ("CustomerId", "Grouping", "Day", "CampaignId", "AreaKey", "Dials", "Contacts")
            SELECT @customer, grouping, day, campaign_id, key, dials, contacts FROM counted
            ON CONFLICT ("CustomerId", "Grouping", "Day", "CampaignId", "AreaKey")
            DO UPDATE SET "Dials" = "DialRollups"."Dials" + excluded."Dials", "Contacts" = "DialRollups"."Contacts" + excluded."Contacts"
        ), totals AS (
            INSERT INTO "DialTotals" ("CustomerId", "Grouping", "Period", "Start", "AreaKey", "Dials", "Contacts")
            SELECT @customer, c.grouping, period.kind, period.start, c.key, SUM(c.dials), SUM(c.contacts)
            FROM counted c
            CROSS JOIN LATERAL {DayAndWeekOf("c.day")}
            GROUP BY c.grouping, period.kind, period.start, c.key
            ON CONFLICT ("CustomerId", "Grouping", "Period", "Start", "AreaKey")
            DO UPDATE SET "Dials" = "DialTotals"."Dials" + excluded."Dials", "Contacts" = "DialTotals"."Contacts" + excluded."Contacts"
        ), ani_counted AS (
            SELECT f.day, f.ani_number, COUNT(*) AS dials, SUM(f.contacted::int) AS contacts
            FROM firsts f
            JOIN inserted i ON i."CallId" = f.call_id
            GROUP BY f.day, f.ani_number
        ), ani_days AS (
            INSERT INTO "AniDayRollups" ("CustomerId", "Day", "AniNumber", "Dials", "Contacts")
            SELECT @customer, day, ani_number, dials, contacts FROM ani_counted
            ON CONFLICT ("CustomerId", "Day", "AniNumber")
            DO UPDATE SET "Dials" = "AniDayRollups"."Dials" + excluded."Dials", "Contacts" = "AniDayRollups"."Contacts" + excluded."Contacts"
            RETURNING "Day", "AniNumber", "Dials"
        ), ani_spans AS (
            -- A block's busiest day: the higher of the one it had and the days just counted, as
            -- ani_days left them (its RETURNING: the statement's other parts see the rows as before it).
            INSERT INTO "AniSpanRollups" ("CustomerId", "Span", "Start", "AniNumber", "Dials", "PeakDailyDials")
            SELECT @customer, s.span, {SpanStartOf("c.day", "s.span")}, c.ani_number, SUM(c.dials), MAX(r."Dials")
            FROM ani_counted c
            JOIN ani_days r ON r."Day" = c.day AND r."AniNumber" = c.ani_number
            CROSS JOIN (VALUES {string.Join(", ", AniSpanRollup.Spans.Select(span => $"({span})"))}) AS s (span)
            GROUP BY s.span, {SpanStartOf("c.day", "s.span")}, c.ani_number
            ON CONFLICT ("CustomerId", "Span", "Start", "AniNumber")
            DO UPDATE SET "Dials" = "AniSpanRollups"."Dials" + excluded."Dials",
                          "PeakDailyDials" = GREATEST("AniSpanRollups"."PeakDailyDials", excluded."PeakDailyDials")
        )
        SELECT COUNT(*) FROM inserted
        """;

    /// <summary>
    /// One lock per customer, held to the end of the transaction; waiting longer than
    /// <see cref="DatabaseBusyException.DialImportCommitWait"/> fails with lock_not_available.
    /// </summary>
    internal static readonly string AcquireCommitLock = $"""
        SET LOCAL lock_timeout = '{(int)DatabaseBusyException.DialImportCommitWait.TotalMilliseconds}ms';
        SELECT pg_advisory_xact_lock(hashtextextended('aniplanner.dial-import:' || @customer::text, 0));
        """;

    /// <summary>The customer's dial import commit lock, held by the transaction; a disposition's re-count takes it too.</summary>
    internal static async Task AcquireCommitLockAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, Guid customerId, CancellationToken cancellationToken)
    {
        try
        {
            await using var command = new NpgsqlCommand(AcquireCommitLock, connection, transaction) { CommandTimeout = 0 };
            command.Parameters.Add(new NpgsqlParameter("customer", NpgsqlDbType.Uuid) { Value = customerId });
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (PostgresException waited) when (waited.SqlState == PostgresErrorCodes.LockNotAvailable)
        {
            throw DatabaseBusyException.AnotherDialImportCommitting();
        }
    }

    /// <summary>
    /// Under the commit lock, which a disposition's change takes too: staged dials count by their
    /// disposition's contact flag as it is now (it may have changed while the import streamed), and
    /// name none that was deleted meanwhile.
    /// </summary>
    internal const string FollowDispositions = """
        UPDATE dial_staging s SET contacted = d."Contact"
        FROM "Dispositions" d
        WHERE d."Id" = s.disposition_id AND s.contacted <> d."Contact";
        UPDATE dial_staging s SET disposition_id = NULL
        WHERE s.disposition_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "Dispositions" d WHERE d."Id" = s.disposition_id);
        """;

    /// <summary>
    /// The per-ANI rollup's rows as PostgreSQL's planner last saw them (-1: never analysed) and the
    /// rows written since (as far as this server's statistics have been flushed).
    /// </summary>
    internal const string AniRollupStatistics = """
        SELECT c.reltuples::float8, COALESCE(s.n_mod_since_analyze, 0)
        FROM pg_class c LEFT JOIN pg_stat_user_tables s ON s.relid = c.oid
        WHERE c.oid = '"AniDayRollups"'::regclass
        """;

    /// <summary>Skips a table another session is analysing (or vacuuming) instead of queueing behind it.</summary>
    internal const string AnalyzeAniRollups = """
        ANALYZE (SKIP_LOCKED) "AniDayRollups", "AniSpanRollups"
        """;

    /// <summary>
    /// Autovacuum's own rule (50 rows and a tenth of the table written since the last analysis),
    /// applied at once instead of at its next pass, up to a minute later: without statistics the
    /// planner took a page of numbers' days for a few rows of a range scan and read every ANI's
    /// days instead (150 ms instead of 2 ms, right after a large first import).
    /// </summary>
    internal static bool AniRollupStatisticsStale(double plannedRows, long writtenSince) => plannedRows < 0 || writtenSince > 50 + (plannedRows / 10);

    /// <summary>A temporary table is never analysed by autovacuum: without this the commit is planned for a guessed row count.</summary>
    internal const string AnalyzeStaging = "ANALYZE dial_staging";

    internal static readonly string RebuildZipRollups = $"""
        DELETE FROM "DialRollups" WHERE "Grouping" = 2;
        INSERT INTO "DialRollups" ("CustomerId", "Grouping", "Day", "CampaignId", "AreaKey", "Dials", "Contacts")
        SELECT d."CustomerId", 2, d."Day", d."CampaignId", COALESCE('nanp:' || z."AreaCode", ''), COUNT(*), SUM(d."Contacted"::int)
        FROM "Dials" d LEFT JOIN "ZipAreaCodes" z ON z."Zip" = d."ProspectZip"
        GROUP BY d."CustomerId", d."Day", d."CampaignId", COALESCE('nanp:' || z."AreaCode", '');
        DELETE FROM "DialTotals" WHERE "Grouping" = 2;
        INSERT INTO "DialTotals" ("CustomerId", "Grouping", "Period", "Start", "AreaKey", "Dials", "Contacts")
        SELECT r."CustomerId", 2, period.kind, period.start, r."AreaKey", SUM(r."Dials"), SUM(r."Contacts")
        FROM "DialRollups" r
        CROSS JOIN LATERAL {DayAndWeekOf("r.\"Day\"")}
        WHERE r."Grouping" = 2
        GROUP BY r."CustomerId", period.kind, period.start, r."AreaKey";
        """;

    /// <summary>The first day of the block of <paramref name="span"/> days holding <paramref name="day"/> (<see cref="AniSpanRollup.StartOf"/>).</summary>
    private static string SpanStartOf(string day, string span) => $"{day} - (({day} - DATE '0001-01-01') % {span})";

    /// <summary>A row per period a day counts in, for CROSS JOIN LATERAL: the day itself, and its week (Monday's date).</summary>
    internal static string DayAndWeekOf(string day) => $"(VALUES (0, {day}), (1, {day} - (extract(isodow FROM {day})::int - 1))) AS period (kind, start)";

    public Task<IDialImport> BeginImportAsync(Guid customerId, CancellationToken cancellationToken) =>
        DialImportTransactions.BeginAsync<NpgsqlConnection, NpgsqlTransaction>(context, async (connection, transaction) =>
        {
            await using (var create = new NpgsqlCommand(CreateStaging, connection, transaction))
            {
                await create.ExecuteNonQueryAsync(cancellationToken);
            }

            var copy = await connection.BeginBinaryImportAsync(CopyIntoStaging, cancellationToken);
            return new Import(context, connection, transaction, copy, customerId);
        }, cancellationToken);

    /// <summary>Runs at start-up over every stored dial, so its time grows with them: no timeout.</summary>
    /// <summary>An import here is one transaction: a crash leaves nothing behind.</summary>
    public Task<int> RemoveInterruptedImportsAsync(CancellationToken cancellationToken) => Task.FromResult(0);

    public Task RebuildZipRollupsAsync(CancellationToken cancellationToken) =>
        context.Database.WithoutCommandTimeoutAsync(() => context.Database.ExecuteSqlRawAsync(RebuildZipRollups, cancellationToken));

    private sealed class Import(
        AniPlannerDbContext context, NpgsqlConnection connection, NpgsqlTransaction transaction, NpgsqlBinaryImporter copy, Guid customerId)
        : IDialImport
    {
        private long _staged;
        private bool _copying = true;
        private bool _committed;

        public async ValueTask StageAsync(StagedDial dial, CancellationToken cancellationToken)
        {
            await copy.StartRowAsync(cancellationToken);
            await copy.WriteAsync(++_staged, NpgsqlDbType.Bigint, cancellationToken);
            await copy.WriteAsync(dial.CallId, NpgsqlDbType.Varchar, cancellationToken);
            await copy.WriteAsync(dial.CampaignId, NpgsqlDbType.Bigint, cancellationToken);
            await copy.WriteAsync(dial.DialedAtUtc, NpgsqlDbType.TimestampTz, cancellationToken);
            await copy.WriteAsync(dial.Day, NpgsqlDbType.Date, cancellationToken);
            await copy.WriteAsync(dial.ProspectNumber, NpgsqlDbType.Varchar, cancellationToken);
            await copy.WriteAsync(dial.AniNumber, NpgsqlDbType.Varchar, cancellationToken);
            await copy.WriteAsync(dial.ProspectZip, NpgsqlDbType.Varchar, cancellationToken);
            await copy.WriteAsync(dial.Contacted, NpgsqlDbType.Boolean, cancellationToken);
            await copy.WriteAsync(dial.ProspectAreaKey, NpgsqlDbType.Varchar, cancellationToken);
            await copy.WriteAsync(dial.AniAreaKey, NpgsqlDbType.Varchar, cancellationToken);
            await copy.WriteAsync(dial.ZipAreaKey, NpgsqlDbType.Varchar, cancellationToken);
            if (dial.DispositionId is { } disposition)
            {
                await copy.WriteAsync(disposition, NpgsqlDbType.Bigint, cancellationToken);
            }
            else
            {
                await copy.WriteNullAsync(cancellationToken);
            }
        }

        public async Task<DialImportCounts> CommitAsync(CancellationToken cancellationToken)
        {
            await copy.CompleteAsync(cancellationToken);
            await copy.DisposeAsync();
            _copying = false;

            await ExecuteAsync(AnalyzeStaging, cancellationToken);

            // Only now: staging is private to this session, and a slow upload must not hold up the customer's other imports.
            await AcquireCommitLockAsync(connection, transaction, customerId, cancellationToken);

            await ExecuteAsync(FollowDispositions, cancellationToken);
            long accepted;
            await using (var commit = Command(InsertNewAndRollUp))
            {
                accepted = (long)(await commit.ExecuteScalarAsync(cancellationToken))!;
            }

            await transaction.CommitAsync(cancellationToken);
            _committed = true;
            await RefreshAniRollupStatisticsAsync();
            return new DialImportCounts(accepted, _staged - accepted);
        }

        public async ValueTask DisposeAsync()
        {
            try
            {
                if (_copying)
                {
                    // Disposing an unfinished COPY cancels it: nothing staged reaches the server's tables.
                    await copy.DisposeAsync();
                }

                // Nothing half-written. A transaction the server already ended (the connection
                // broke) has nothing left to roll back, and trying would hide the first error.
                if (!_committed && transaction.Connection is not null)
                {
                    await transaction.RollbackAsync();
                }
            }
            catch (Exception cleanup) when (cleanup is NpgsqlException or InvalidOperationException or ObjectDisposedException)
            {
                // The connection is gone with the transaction on it: the server rolled it back, and
                // the failure that got us here is the one the caller must see.
            }
            finally
            {
                await transaction.DisposeAsync();
                await context.Database.CloseConnectionAsync();
            }
        }

        /// <summary>
        /// After the commit, so not cancelled with the request: the import is stored whatever
        /// happens here, and statistics are only an optimisation (autovacuum gathers them later).
        /// </summary>
        private async Task RefreshAniRollupStatisticsAsync()
        {
            try
            {
                bool stale;
                await using (var statistics = new NpgsqlCommand(AniRollupStatistics, connection))
                await using (var reader = await statistics.ExecuteReaderAsync(CancellationToken.None))
                {
                    stale = await reader.ReadAsync(CancellationToken.None) && AniRollupStatisticsStale(reader.GetDouble(0), reader.GetInt64(1));
                }

                if (stale)
                {
                    // ANALYZE reads a sample (30,000 rows), whatever the table's size.
                    await using var analyze = new NpgsqlCommand(AnalyzeAniRollups, connection) { CommandTimeout = 30 };
                    await analyze.ExecuteNonQueryAsync(CancellationToken.None);
                }
            }
            catch (Exception failure) when (failure is NpgsqlException or InvalidOperationException or TimeoutException)
            {
                // A broken connection or a statement timeout: the next import, or autovacuum, tries again.
            }
        }

        private async Task ExecuteAsync(string sql, CancellationToken cancellationToken)
        {
            await using var command = Command(sql);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        private NpgsqlCommand Command(string sql)
        {
            var command = new NpgsqlCommand(sql, connection, transaction) { CommandTimeout = 0 };
            command.Parameters.Add(new NpgsqlParameter("customer", NpgsqlDbType.Uuid) { Value = customerId });
            return command;
        }
    }
}
