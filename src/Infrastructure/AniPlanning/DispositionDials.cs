using System.Data;
using System.Data.Common;
using AniPlanner.Application.AniPlanning.Common;
using AniPlanner.Application.Common.Exceptions;
using AniPlanner.Domain.AniPlanning.Dispositions;
using AniPlanner.Domain.Common;
using AniPlanner.Infrastructure.Persistence;
using Microsoft.Data.SqlClient;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace AniPlanner.Infrastructure.AniPlanning;

/// <summary>
/// A disposition's change and what it does to its dials, in one transaction: the change (with
/// its audit entry) through EF Core, the dials and every rollup they count in through one
/// set-based batch. It takes turns with the company's dial imports, as imports do with each other
/// (on SQLite the customer's import turn; on a server the lock an import commits under), so an
/// import never counts a dial by a flag that changed while it ran.
/// </summary>
public abstract class DispositionDials(AniPlannerDbContext context, IWriteTurns writeTurns) : IDispositionDials
{
    public async Task<long> SaveAndRecountAsync(Disposition disposition, CancellationToken cancellationToken) =>
        await InTransactionAsync(disposition.CustomerId, async transaction =>
        {
            await SaveAsync(cancellationToken);
            return await RecountAsync(transaction, disposition, cancellationToken);
        }, cancellationToken);

    public async Task DeleteAsync(Disposition disposition, CancellationToken cancellationToken) =>
        await InTransactionAsync(disposition.CustomerId, async transaction =>
        {
            await UnlinkAsync(transaction, disposition, cancellationToken);
            context.Remove(disposition);
            await SaveAsync(cancellationToken);
            return 0L;
        }, cancellationToken);

    /// <summary>Waits for the customer's dial imports where the provider makes them take turns outside the database (SQLite).</summary>
    protected virtual Task<IDisposable?> EnterCustomerTurnAsync(Guid customerId, CancellationToken cancellationToken) => Task.FromResult<IDisposable?>(null);

    /// <summary>Takes, in the transaction, the lock a dial import of the customer commits under (a server database).</summary>
    protected virtual Task LockCustomerImportsAsync(DbTransaction transaction, Guid customerId, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Flips the contacted flag of the disposition's dials that differ from its contact flag and moves their contacts in every rollup; answers how many dials.</summary>
    protected abstract Task<long> RecountAsync(DbTransaction transaction, Disposition disposition, CancellationToken cancellationToken);

    /// <summary>The disposition's dials stop naming it (their counts stay as they are).</summary>
    protected abstract Task UnlinkAsync(DbTransaction transaction, Disposition disposition, CancellationToken cancellationToken);

    /// <summary>A command on the transaction's connection, with no timeout: it is bounded by the disposition's dials.</summary>
    protected static DbCommand Command(DbTransaction transaction, string sql, params (string Name, object Value)[] parameters)
    {
        var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.CommandTimeout = 0;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }

        return command;
    }

    protected static async Task<long> ScalarAsync(DbTransaction transaction, string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        await using var command = Command(transaction, sql, parameters);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    protected static async Task ExecuteAsync(DbTransaction transaction, string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        await using var command = Command(transaction, sql, parameters);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>+1 when the dials become contacts, −1 when they stop being.</summary>
    protected static int SignOf(Disposition disposition) => disposition.Contact ? 1 : -1;

    private async Task SaveAsync(CancellationToken cancellationToken)
    {
        try
        {
            await context.SaveChangesAsync(acceptAllChangesOnSuccess: false, cancellationToken);
        }
        catch (DbUpdateException update) when (update.IsUniqueKeyViolation())
        {
            throw new WriteConflictException("Another request changed the same disposition at the same time; retry the request.", update);
        }
    }

    private async Task<long> InTransactionAsync(Guid customerId, Func<DbTransaction, Task<long>> work, CancellationToken cancellationToken)
    {
        using var customerTurn = await EnterCustomerTurnAsync(customerId, cancellationToken);
        using var writeTurn = await writeTurns.EnterAsync(cancellationToken);
        var result = await context.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            // A retry starts over: the audit entries of the failed attempt go with it.
            foreach (var audit in context.ChangeTracker.Entries<AuditLog>().Where(entry => entry.State == EntityState.Added).ToList())
            {
                audit.State = EntityState.Detached;
            }

            await using var transaction = await context.Database.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken);
            var dbTransaction = transaction.GetDbTransaction();
            await LockCustomerImportsAsync(dbTransaction, customerId, cancellationToken);
            var answer = await work(dbTransaction);
            await transaction.CommitAsync(cancellationToken);
            return answer;
        });
        context.ChangeTracker.AcceptAllChanges();
        return result;
    }

    /// <summary>SQLite: the customer's import turn keeps imports out; the write gate, other writers.</summary>
    public sealed class Sqlite(AniPlannerDbContext context, SqliteWriteGate gate, SqliteDialImportTurns customerTurns) : DispositionDials(context, gate)
    {
        /// <summary>
        /// Rows of an import that never committed (a failed one whose clean-up failed, until the next
        /// start removes them) count in no rollup, so a re-count leaves them alone.
        /// </summary>
        private const string CommittedDials = "(ImportId IS NULL OR ImportId NOT IN (SELECT Id FROM DialImports WHERE CommittedAtUtc IS NULL))";

        /// <summary>The dials that change, kept to count them into the rollups after they are flipped.</summary>
        internal static readonly string Recount = $"""
            DROP TABLE IF EXISTS temp.RecountDials;
            DROP TABLE IF EXISTS temp.RecountCells;
            CREATE TEMP TABLE RecountDials AS
                SELECT Day, CampaignId, COALESCE(ProspectAreaKey, '') AS ProspectAreaKey, COALESCE(AniAreaKey, '') AS AniAreaKey, ProspectZip, AniNumber
                FROM Dials WHERE CustomerId = $customer AND DispositionId = $disposition AND Contacted <> $contact AND {CommittedDials};
            UPDATE Dials SET Contacted = $contact WHERE CustomerId = $customer AND DispositionId = $disposition AND Contacted <> $contact AND {CommittedDials};
            CREATE TEMP TABLE RecountCells AS
                SELECT 0 AS Grouping, Day, CampaignId, ProspectAreaKey AS AreaKey, COUNT(*) AS N FROM temp.RecountDials GROUP BY Day, CampaignId, ProspectAreaKey
                UNION ALL SELECT 1, Day, CampaignId, AniAreaKey, COUNT(*) FROM temp.RecountDials GROUP BY Day, CampaignId, AniAreaKey
                UNION ALL SELECT 2, d.Day, d.CampaignId, COALESCE('nanp:' || z.AreaCode, ''), COUNT(*)
                    FROM temp.RecountDials d LEFT JOIN ZipAreaCodes z ON z.Zip = d.ProspectZip
                    GROUP BY d.Day, d.CampaignId, COALESCE('nanp:' || z.AreaCode, '');
            UPDATE DialRollups AS r SET Contacts = r.Contacts + $sign * c.N FROM temp.RecountCells AS c
            WHERE r.CustomerId = $customer AND r.Grouping = c.Grouping AND r.Day = c.Day AND r.CampaignId = c.CampaignId AND r.AreaKey = c.AreaKey;
            UPDATE DialTotals AS t SET Contacts = t.Contacts + $sign * p.N
            FROM (SELECT Grouping, Period, Start, AreaKey, SUM(N) AS N FROM (
                      SELECT Grouping, 0 AS Period, Day AS Start, AreaKey, N FROM temp.RecountCells
                      UNION ALL SELECT Grouping, 1, {SqliteDialStore.WeekStartOf("Day")}, AreaKey, N FROM temp.RecountCells)
                  GROUP BY Grouping, Period, Start, AreaKey) AS p
            WHERE t.CustomerId = $customer AND t.Grouping = p.Grouping AND t.Period = p.Period AND t.Start = p.Start AND t.AreaKey = p.AreaKey;
            UPDATE AniDayRollups AS a SET Contacts = a.Contacts + $sign * x.N
            FROM (SELECT Day, AniNumber, COUNT(*) AS N FROM temp.RecountDials GROUP BY Day, AniNumber) AS x
            WHERE a.CustomerId = $customer AND a.Day = x.Day AND a.AniNumber = x.AniNumber;
            SELECT COUNT(*) FROM temp.RecountDials;
            """;

        internal const string Unlink = """
            UPDATE Dials SET DispositionId = NULL, ProspectAreaKey = NULL, AniAreaKey = NULL
            WHERE CustomerId = $customer AND DispositionId = $disposition
            """;

        private const string DropRecountTables = "DROP TABLE IF EXISTS temp.RecountDials; DROP TABLE IF EXISTS temp.RecountCells;";

        protected override async Task<IDisposable?> EnterCustomerTurnAsync(Guid customerId, CancellationToken cancellationToken) =>
            await customerTurns.EnterAsync(customerId, cancellationToken);

        protected override async Task<long> RecountAsync(DbTransaction transaction, Disposition disposition, CancellationToken cancellationToken)
        {
            try
            {
                return await ScalarAsync(transaction, Recount, cancellationToken,
                    ("$customer", SqliteText.Customer(disposition.CustomerId)), ("$disposition", disposition.Id), ("$contact", disposition.Contact), ("$sign", SignOf(disposition)));
            }
            finally
            {
                await ExecuteAsync(transaction, DropRecountTables, CancellationToken.None);
            }
        }

        protected override Task UnlinkAsync(DbTransaction transaction, Disposition disposition, CancellationToken cancellationToken) =>
            ExecuteAsync(transaction, Unlink, cancellationToken, ("$customer", SqliteText.Customer(disposition.CustomerId)), ("$disposition", disposition.Id));
    }

    /// <summary>PostgreSQL: one statement of data-modifying CTEs, under the customer's import commit lock.</summary>
    public sealed class PostgreSql(AniPlannerDbContext context) : DispositionDials(context, new FreeWriteTurns())
    {
        internal static readonly string Recount = $"""
            WITH changed AS (
                UPDATE "Dials" SET "Contacted" = @contact
                WHERE "CustomerId" = @customer AND "DispositionId" = @disposition AND "Contacted" <> @contact
                RETURNING "Day", "CampaignId", COALESCE("ProspectAreaKey", '') AS prospect_key, COALESCE("AniAreaKey", '') AS ani_key, "ProspectZip", "AniNumber"
            ), cells AS (
                SELECT area.grouping, c."Day" AS day, c."CampaignId" AS campaign_id, area.key, COUNT(*) AS n
                FROM changed c
                LEFT JOIN "ZipAreaCodes" z ON z."Zip" = c."ProspectZip"
                CROSS JOIN LATERAL (VALUES (0, c.prospect_key), (1, c.ani_key), (2, COALESCE('nanp:' || z."AreaCode", ''))) AS area (grouping, key)
                GROUP BY area.grouping, c."Day", c."CampaignId", area.key
            ), rollups AS (
                UPDATE "DialRollups" r SET "Contacts" = r."Contacts" + @sign * cells.n
                FROM cells
                WHERE r."CustomerId" = @customer AND r."Grouping" = cells.grouping AND r."Day" = cells.day
                  AND r."CampaignId" = cells.campaign_id AND r."AreaKey" = cells.key
            ), totals AS (
                UPDATE "DialTotals" t SET "Contacts" = t."Contacts" + @sign * p.n
                FROM (SELECT cells.grouping, period.kind, period.start, cells.key, SUM(cells.n) AS n
                      FROM cells
                      CROSS JOIN LATERAL {PostgreSqlDialStore.DayAndWeekOf("cells.day")}
                      GROUP BY cells.grouping, period.kind, period.start, cells.key) p
                WHERE t."CustomerId" = @customer AND t."Grouping" = p.grouping AND t."Period" = p.kind AND t."Start" = p.start AND t."AreaKey" = p.key
            ), ani_days AS (
                UPDATE "AniDayRollups" a SET "Contacts" = a."Contacts" + @sign * x.n
                FROM (SELECT "Day", "AniNumber", COUNT(*) AS n FROM changed GROUP BY "Day", "AniNumber") x
                WHERE a."CustomerId" = @customer AND a."Day" = x."Day" AND a."AniNumber" = x."AniNumber"
            )
            SELECT COUNT(*) FROM changed
            """;

        internal const string Unlink = """
            UPDATE "Dials" SET "DispositionId" = NULL, "ProspectAreaKey" = NULL, "AniAreaKey" = NULL
            WHERE "CustomerId" = @customer AND "DispositionId" = @disposition
            """;

        protected override Task LockCustomerImportsAsync(DbTransaction transaction, Guid customerId, CancellationToken cancellationToken) =>
            PostgreSqlDialStore.AcquireCommitLockAsync((NpgsqlConnection)transaction.Connection!, (NpgsqlTransaction)transaction, customerId, cancellationToken);

        protected override Task<long> RecountAsync(DbTransaction transaction, Disposition disposition, CancellationToken cancellationToken) =>
            ScalarAsync(transaction, Recount, cancellationToken,
                ("customer", disposition.CustomerId), ("disposition", disposition.Id), ("contact", disposition.Contact), ("sign", (long)SignOf(disposition)));

        protected override Task UnlinkAsync(DbTransaction transaction, Disposition disposition, CancellationToken cancellationToken) =>
            ExecuteAsync(transaction, Unlink, cancellationToken, ("customer", disposition.CustomerId), ("disposition", disposition.Id));
    }

    /// <summary>SQL Server: one batch (its #temp tables live as long as it), under the customer's import commit lock.</summary>
    public sealed class SqlServer(AniPlannerDbContext context) : DispositionDials(context, new FreeWriteTurns())
    {
        internal static readonly string Recount = $"""
            CREATE TABLE #RecountDials (
                Day date NOT NULL, CampaignId bigint NOT NULL,
                ProspectAreaKey nvarchar(16) COLLATE DATABASE_DEFAULT NOT NULL, AniAreaKey nvarchar(16) COLLATE DATABASE_DEFAULT NOT NULL,
                ProspectZip nvarchar(5) COLLATE DATABASE_DEFAULT NOT NULL, AniNumber nvarchar(20) COLLATE DATABASE_DEFAULT NOT NULL);
            UPDATE Dials SET Contacted = @contact
            OUTPUT inserted.Day, inserted.CampaignId, COALESCE(inserted.ProspectAreaKey, ''), COALESCE(inserted.AniAreaKey, ''), inserted.ProspectZip, inserted.AniNumber
            INTO #RecountDials (Day, CampaignId, ProspectAreaKey, AniAreaKey, ProspectZip, AniNumber)
            WHERE CustomerId = @customer AND DispositionId = @disposition AND Contacted <> @contact;
            SELECT cells.[Grouping], cells.Day, cells.CampaignId, cells.AreaKey, COUNT_BIG(*) AS N
            INTO #RecountCells
            FROM #RecountDials d
            LEFT JOIN ZipAreaCodes z ON z.Zip = d.ProspectZip
            CROSS APPLY (VALUES (0, d.Day, d.CampaignId, d.ProspectAreaKey), (1, d.Day, d.CampaignId, d.AniAreaKey),
                                (2, d.Day, d.CampaignId, COALESCE('nanp:' + z.AreaCode, ''))) AS cells ([Grouping], Day, CampaignId, AreaKey)
            GROUP BY cells.[Grouping], cells.Day, cells.CampaignId, cells.AreaKey;
            UPDATE r SET Contacts = r.Contacts + @sign * c.N
            FROM DialRollups r
            JOIN #RecountCells c ON r.CustomerId = @customer AND r.[Grouping] = c.[Grouping] AND r.Day = c.Day
                AND r.CampaignId = c.CampaignId AND r.AreaKey = c.AreaKey;
            UPDATE t SET Contacts = t.Contacts + @sign * p.N
            FROM DialTotals t
            JOIN (SELECT c.[Grouping], period.Kind, period.Start, c.AreaKey, SUM(c.N) AS N
                  FROM #RecountCells c
                  CROSS APPLY (VALUES (0, c.Day), (1, {SqlServerDialStore.WeekStartOf("c.Day")})) AS period (Kind, Start)
                  GROUP BY c.[Grouping], period.Kind, period.Start, c.AreaKey) p
              ON t.CustomerId = @customer AND t.[Grouping] = p.[Grouping] AND t.[Period] = p.Kind AND t.[Start] = p.Start AND t.AreaKey = p.AreaKey;
            UPDATE a SET Contacts = a.Contacts + @sign * x.N
            FROM AniDayRollups a
            JOIN (SELECT Day, AniNumber, COUNT_BIG(*) AS N FROM #RecountDials GROUP BY Day, AniNumber) x
              ON a.CustomerId = @customer AND a.Day = x.Day AND a.AniNumber = x.AniNumber;
            SELECT COUNT_BIG(*) FROM #RecountDials;
            DROP TABLE #RecountCells;
            DROP TABLE #RecountDials;
            """;

        internal const string Unlink = """
            UPDATE Dials SET DispositionId = NULL, ProspectAreaKey = NULL, AniAreaKey = NULL
            WHERE CustomerId = @customer AND DispositionId = @disposition;
            """;

        protected override async Task LockCustomerImportsAsync(DbTransaction transaction, Guid customerId, CancellationToken cancellationToken) =>
            await SqlServerDialStore.AcquireCommitLockAsync((SqlConnection)transaction.Connection!, (SqlTransaction)transaction, customerId, cancellationToken);

        protected override Task<long> RecountAsync(DbTransaction transaction, Disposition disposition, CancellationToken cancellationToken) =>
            ScalarAsync(transaction, Recount, cancellationToken,
                ("@customer", disposition.CustomerId), ("@disposition", disposition.Id), ("@contact", disposition.Contact), ("@sign", (long)SignOf(disposition)));

        protected override Task UnlinkAsync(DbTransaction transaction, Disposition disposition, CancellationToken cancellationToken) =>
            ExecuteAsync(transaction, Unlink, cancellationToken, ("@customer", disposition.CustomerId), ("@disposition", disposition.Id));
    }
}
