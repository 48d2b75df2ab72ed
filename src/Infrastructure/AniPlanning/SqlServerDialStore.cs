using System.Data;
using AniPlanner.Application.AniPlanning.ImportDials;
using AniPlanner.Infrastructure.Persistence;
using Microsoft.Data.SqlClient;
using Microsoft.EntityFrameworkCore;

namespace AniPlanner.Infrastructure.AniPlanning;

/// <summary>
/// Dial imports on SQL Server: rows stream into a #temp staging table through SqlBulkCopy in
/// fixed-size batches (memory stays flat); the commit finds the new call ids, inserts them and
/// MERGEs them into the three rollups, set-based, in one transaction. Key-range locks on the
/// duplicate check keep two concurrent imports of the same call id from both counting it.
/// </summary>
public sealed class SqlServerDialStore(AniPlannerDbContext context) : IDialStore
{
    private const int BatchSize = 10_000;

    public async Task<IDialImport> BeginImportAsync(Guid customerId, CancellationToken cancellationToken)
    {
        await context.Database.OpenConnectionAsync(cancellationToken);
        var connection = (SqlConnection)context.Database.GetDbConnection();
        var transaction = (SqlTransaction)await connection.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken);
        try
        {
            await ExecuteAsync(connection, transaction, """
                CREATE TABLE #DialStaging (
                    Seq bigint NOT NULL PRIMARY KEY, CallId nvarchar(128) NOT NULL, CampaignId bigint NOT NULL,
                    DialedAtUtc datetime2 NOT NULL, Day date NOT NULL, ProspectNumber nvarchar(20) NOT NULL,
                    AniNumber nvarchar(20) NOT NULL, ProspectZip nvarchar(5) NOT NULL, Contacted bit NOT NULL,
                    ProspectKey nvarchar(16) NOT NULL, AniKey nvarchar(16) NOT NULL, ZipKey nvarchar(16) NOT NULL,
                    IsNew bit NOT NULL DEFAULT 0);
                """, customerId, cancellationToken);
            return new Import(context, connection, transaction, customerId);
        }
        catch
        {
            await transaction.DisposeAsync();
            await context.Database.CloseConnectionAsync();
            throw;
        }
    }

    public async Task RebuildZipRollupsAsync(CancellationToken cancellationToken) =>
        await context.Database.ExecuteSqlRawAsync("""
            DELETE FROM DialRollups WHERE [Grouping] = 2;
            INSERT INTO DialRollups (CustomerId, [Grouping], Day, CampaignId, AreaKey, Dials, Contacts)
            SELECT d.CustomerId, 2, d.Day, d.CampaignId, COALESCE('nanp:' + z.AreaCode, ''), COUNT_BIG(*), SUM(CAST(d.Contacted AS bigint))
            FROM Dials d LEFT JOIN ZipAreaCodes z ON z.Zip = d.ProspectZip
            GROUP BY d.CustomerId, d.Day, d.CampaignId, COALESCE('nanp:' + z.AreaCode, '');
            """, cancellationToken);

    private static async Task<int> ExecuteAsync(SqlConnection connection, SqlTransaction transaction, string sql, Guid customerId, CancellationToken cancellationToken)
    {
        await using var command = new SqlCommand(sql, connection, transaction) { CommandTimeout = 0 };
        command.Parameters.Add("@customer", SqlDbType.UniqueIdentifier).Value = customerId;
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private sealed class Import(AniPlannerDbContext context, SqlConnection connection, SqlTransaction transaction, Guid customerId) : IDialImport
    {
        private readonly DataTable _batch = NewBatch();
        private long _staged;
        private bool _committed;

        public async ValueTask StageAsync(StagedDial dial, CancellationToken cancellationToken)
        {
            _batch.Rows.Add(
                ++_staged, dial.CallId, dial.CampaignId, dial.DialedAtUtc, dial.Day.ToDateTime(TimeOnly.MinValue), dial.ProspectNumber,
                dial.AniNumber, dial.ProspectZip, dial.Contacted, dial.ProspectAreaKey, dial.AniAreaKey, dial.ZipAreaKey);
            if (_batch.Rows.Count >= BatchSize)
            {
                await FlushAsync(cancellationToken);
            }
        }

        public async Task<DialImportCounts> CommitAsync(CancellationToken cancellationToken)
        {
            await FlushAsync(cancellationToken);
            await ExecuteAsync(connection, transaction, """
                WITH firsts AS (SELECT Seq, ROW_NUMBER() OVER (PARTITION BY CallId ORDER BY Seq) AS Position FROM #DialStaging)
                UPDATE s SET IsNew = 1
                FROM #DialStaging s JOIN firsts f ON f.Seq = s.Seq
                WHERE f.Position = 1
                  AND NOT EXISTS (SELECT 1 FROM Dials d WITH (UPDLOCK, HOLDLOCK) WHERE d.CustomerId = @customer AND d.CallId = s.CallId);
                """, customerId, cancellationToken);
            var accepted = await ExecuteAsync(connection, transaction, """
                INSERT INTO Dials (CustomerId, CallId, CampaignId, DialedAtUtc, Day, ProspectNumber, AniNumber, ProspectZip, Contacted)
                SELECT @customer, CallId, CampaignId, DialedAtUtc, Day, ProspectNumber, AniNumber, ProspectZip, Contacted
                FROM #DialStaging WHERE IsNew = 1;
                """, customerId, cancellationToken);
            foreach (var (grouping, keyColumn) in new[] { (0, "ProspectKey"), (1, "AniKey"), (2, "ZipKey") })
            {
                await ExecuteAsync(connection, transaction, $"""
                    MERGE DialRollups WITH (HOLDLOCK) AS target
                    USING (SELECT Day, CampaignId, {keyColumn} AS AreaKey, COUNT_BIG(*) AS Dials, SUM(CAST(Contacted AS bigint)) AS Contacts
                           FROM #DialStaging WHERE IsNew = 1 GROUP BY Day, CampaignId, {keyColumn}) AS source
                    ON target.CustomerId = @customer AND target.[Grouping] = {grouping} AND target.Day = source.Day
                       AND target.CampaignId = source.CampaignId AND target.AreaKey = source.AreaKey
                    WHEN MATCHED THEN UPDATE SET Dials = target.Dials + source.Dials, Contacts = target.Contacts + source.Contacts
                    WHEN NOT MATCHED THEN INSERT (CustomerId, [Grouping], Day, CampaignId, AreaKey, Dials, Contacts)
                        VALUES (@customer, {grouping}, source.Day, source.CampaignId, source.AreaKey, source.Dials, source.Contacts);
                    """, customerId, cancellationToken);
            }

            await ExecuteAsync(connection, transaction, "DROP TABLE #DialStaging;", customerId, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            _committed = true;
            return new DialImportCounts(accepted, _staged - accepted);
        }

        public async ValueTask DisposeAsync()
        {
            if (!_committed)
            {
                await transaction.RollbackAsync();
            }

            await transaction.DisposeAsync();
            _batch.Dispose();
            await context.Database.CloseConnectionAsync();
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
            return table;
        }
    }
}
