using System.Data;
using System.Globalization;
using AniPlanner.Application.AniPlanning.ImportDials;
using AniPlanner.Infrastructure.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace AniPlanner.Infrastructure.AniPlanning;

/// <summary>
/// Dial imports on SQLite: rows stream into a temporary staging table with one prepared
/// statement; the commit then finds the new call ids, writes them and adds them to the three
/// rollups with INSERT ... SELECT ... GROUP BY ... ON CONFLICT, all inside one IMMEDIATE
/// transaction (SQLite has one writer at a time; taking the lock up front avoids deadlocks).
/// Values are written in the formats EF Core uses for SQLite, so its queries read them back.
/// </summary>
public sealed class SqliteDialStore(AniPlannerDbContext context) : IDialStore
{
    public async Task<IDialImport> BeginImportAsync(Guid customerId, CancellationToken cancellationToken)
    {
        await context.Database.OpenConnectionAsync(cancellationToken);
        var connection = (SqliteConnection)context.Database.GetDbConnection();
        var transaction = connection.BeginTransaction(deferred: false);
        try
        {
            Execute(connection, transaction, """
                DROP TABLE IF EXISTS temp.DialStaging;
                CREATE TEMP TABLE DialStaging (
                    Seq INTEGER PRIMARY KEY, CallId TEXT NOT NULL, CampaignId INTEGER NOT NULL, DialedAtUtc TEXT NOT NULL,
                    Day TEXT NOT NULL, ProspectNumber TEXT NOT NULL, AniNumber TEXT NOT NULL, ProspectZip TEXT NOT NULL,
                    Contacted INTEGER NOT NULL, ProspectKey TEXT NOT NULL, AniKey TEXT NOT NULL, ZipKey TEXT NOT NULL,
                    IsNew INTEGER NOT NULL DEFAULT 0);
                """);
            return new Import(context, connection, transaction, CustomerText(customerId));
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
            DELETE FROM DialRollups WHERE Grouping = 2;
            INSERT INTO DialRollups (CustomerId, Grouping, Day, CampaignId, AreaKey, Dials, Contacts)
            SELECT d.CustomerId, 2, d.Day, d.CampaignId, COALESCE('nanp:' || z.AreaCode, ''), COUNT(*), SUM(d.Contacted)
            FROM Dials d LEFT JOIN ZipAreaCodes z ON z.Zip = d.ProspectZip
            GROUP BY d.CustomerId, d.Day, d.CampaignId, COALESCE('nanp:' || z.AreaCode, '');
            """, cancellationToken);

    /// <summary>EF Core stores a Guid in SQLite as upper-case text.</summary>
    private static string CustomerText(Guid customerId) => customerId.ToString().ToUpperInvariant();

    private static int Execute(SqliteConnection connection, SqliteTransaction transaction, string sql, string? customer = null)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.CommandTimeout = 0;
        if (customer is not null)
        {
            command.Parameters.AddWithValue("$customer", customer);
        }

        return command.ExecuteNonQuery();
    }

    private sealed class Import : IDialImport
    {
        private readonly AniPlannerDbContext _context;
        private readonly SqliteConnection _connection;
        private readonly SqliteTransaction _transaction;
        private readonly string _customer;
        private readonly SqliteCommand _insert;
        private readonly SqliteParameter[] _values;
        private long _staged;
        private bool _committed;

        public Import(AniPlannerDbContext context, SqliteConnection connection, SqliteTransaction transaction, string customer)
        {
            (_context, _connection, _transaction, _customer) = (context, connection, transaction, customer);
            _insert = connection.CreateCommand();
            _insert.Transaction = transaction;
            _insert.CommandText = """
                INSERT INTO DialStaging (CallId, CampaignId, DialedAtUtc, Day, ProspectNumber, AniNumber, ProspectZip, Contacted, ProspectKey, AniKey, ZipKey)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
                """;
            _values = [.. Enumerable.Range(1, 11).Select(index => _insert.Parameters.Add($"${index}", SqliteType.Text))];
            _values[1].SqliteType = SqliteType.Integer;
            _values[7].SqliteType = SqliteType.Integer;
            _insert.Prepare();
        }

        public ValueTask StageAsync(StagedDial dial, CancellationToken cancellationToken)
        {
            _values[0].Value = dial.CallId;
            _values[1].Value = dial.CampaignId;
            _values[2].Value = dial.DialedAtUtc.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);
            _values[3].Value = dial.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            _values[4].Value = dial.ProspectNumber;
            _values[5].Value = dial.AniNumber;
            _values[6].Value = dial.ProspectZip;
            _values[7].Value = dial.Contacted ? 1 : 0;
            _values[8].Value = dial.ProspectAreaKey;
            _values[9].Value = dial.AniAreaKey;
            _values[10].Value = dial.ZipAreaKey;
            _insert.ExecuteNonQuery();
            _staged++;
            return ValueTask.CompletedTask;
        }

        public async Task<DialImportCounts> CommitAsync(CancellationToken cancellationToken)
        {
            // The first row of each call id is new unless the customer already has that call id.
            Execute(_connection, _transaction, """
                CREATE INDEX temp.IX_DialStaging_CallId ON DialStaging (CallId, Seq);
                UPDATE DialStaging SET IsNew = 1
                WHERE Seq IN (SELECT MIN(Seq) FROM DialStaging GROUP BY CallId)
                  AND NOT EXISTS (SELECT 1 FROM Dials d WHERE d.CustomerId = $customer AND d.CallId = DialStaging.CallId);
                """, _customer);
            var accepted = Execute(_connection, _transaction, """
                INSERT INTO Dials (CustomerId, CallId, CampaignId, DialedAtUtc, Day, ProspectNumber, AniNumber, ProspectZip, Contacted)
                SELECT $customer, CallId, CampaignId, DialedAtUtc, Day, ProspectNumber, AniNumber, ProspectZip, Contacted
                FROM DialStaging WHERE IsNew = 1 ORDER BY CallId
                """, _customer);
            foreach (var (grouping, keyColumn) in (ReadOnlySpan<(int, string)>)[(0, "ProspectKey"), (1, "AniKey"), (2, "ZipKey")])
            {
                Execute(_connection, _transaction, $"""
                    INSERT INTO DialRollups (CustomerId, Grouping, Day, CampaignId, AreaKey, Dials, Contacts)
                    SELECT $customer, {grouping}, Day, CampaignId, {keyColumn}, COUNT(*), SUM(Contacted)
                    FROM DialStaging WHERE IsNew = 1
                    GROUP BY Day, CampaignId, {keyColumn}
                    ON CONFLICT (CustomerId, Grouping, Day, CampaignId, AreaKey)
                    DO UPDATE SET Dials = Dials + excluded.Dials, Contacts = Contacts + excluded.Contacts
                    """, _customer);
            }

            Execute(_connection, _transaction, "DROP TABLE temp.DialStaging");
            await _transaction.CommitAsync(cancellationToken);
            _committed = true;
            return new DialImportCounts(accepted, _staged - accepted);
        }

        public async ValueTask DisposeAsync()
        {
            await _insert.DisposeAsync();
            if (!_committed)
            {
                // Nothing half-written: the staging table and any partial work go with the rollback.
                await _transaction.RollbackAsync();
            }

            await _transaction.DisposeAsync();
            await _context.Database.CloseConnectionAsync();
        }
    }
}
