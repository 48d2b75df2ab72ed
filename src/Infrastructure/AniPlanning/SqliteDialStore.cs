using System.Data;
using System.Globalization;
using AniPlanner.Application.AniPlanning.ImportDials;
using AniPlanner.Infrastructure.Persistence;
using Microsoft.Data.Sqlite;
using AniPlanner.Domain.AniPlanning.Dials;
using Microsoft.EntityFrameworkCore;

namespace AniPlanner.Infrastructure.AniPlanning;

/// <summary>
/// Dial imports on SQLite, in one IMMEDIATE transaction (SQLite has one writer at a time;
/// taking the lock up front avoids deadlocks). Each row goes straight into Dials with
/// ON CONFLICT DO NOTHING, whose row count says whether the call id is new; the new rows' counts
/// are pre-aggregated per (grouping, day, campaign, area), which is bounded by days × areas, and
/// upserted into the rollups at commit. Values are written in the formats EF Core uses for
/// SQLite, so its queries read them back.
/// </summary>
public sealed class SqliteDialStore(AniPlannerDbContext context) : IDialStore
{
    public async Task<IDialImport> BeginImportAsync(Guid customerId, CancellationToken cancellationToken)
    {
        await context.Database.OpenConnectionAsync(cancellationToken);
        var connection = (SqliteConnection)context.Database.GetDbConnection();
        try
        {
            return new Import(context, connection, connection.BeginTransaction(deferred: false), CustomerText(customerId));
        }
        catch
        {
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

    private readonly record struct RollupKey(DialGrouping Grouping, DateOnly Day, long CampaignId, string AreaKey);

    private sealed class Import : IDialImport
    {
        private readonly AniPlannerDbContext _context;
        private readonly SqliteConnection _connection;
        private readonly SqliteTransaction _transaction;
        private readonly string _customer;
        private readonly SqliteCommand _insert;
        private readonly SqliteParameter[] _values;
        private readonly Dictionary<RollupKey, (long Dials, long Contacts)> _rollups = [];
        private long _accepted;
        private long _duplicates;
        private bool _committed;

        public Import(AniPlannerDbContext context, SqliteConnection connection, SqliteTransaction transaction, string customer)
        {
            (_context, _connection, _transaction, _customer) = (context, connection, transaction, customer);
            _insert = connection.CreateCommand();
            _insert.Transaction = transaction;
            _insert.CommandText = """
                INSERT INTO Dials (CustomerId, CallId, CampaignId, DialedAtUtc, Day, ProspectNumber, AniNumber, ProspectZip, Contacted)
                VALUES ($customer, $callId, $campaignId, $dialedAtUtc, $day, $prospectNumber, $aniNumber, $prospectZip, $contacted)
                ON CONFLICT (CustomerId, CallId) DO NOTHING
                """;
            _insert.Parameters.AddWithValue("$customer", customer);
            _values = [.. ((string[])["$callId", "$campaignId", "$dialedAtUtc", "$day", "$prospectNumber", "$aniNumber", "$prospectZip", "$contacted"])
                .Select(name => _insert.Parameters.Add(name, name is "$campaignId" or "$contacted" ? SqliteType.Integer : SqliteType.Text))];
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
            if (_insert.ExecuteNonQuery() == 0)
            {
                _duplicates++;
                return ValueTask.CompletedTask;
            }

            _accepted++;
            var contacts = dial.Contacted ? 1 : 0;
            Count(new RollupKey(DialGrouping.AreaCode, dial.Day, dial.CampaignId, dial.ProspectAreaKey), contacts);
            Count(new RollupKey(DialGrouping.Ani, dial.Day, dial.CampaignId, dial.AniAreaKey), contacts);
            Count(new RollupKey(DialGrouping.Zip, dial.Day, dial.CampaignId, dial.ZipAreaKey), contacts);
            return ValueTask.CompletedTask;
        }

        public async Task<DialImportCounts> CommitAsync(CancellationToken cancellationToken)
        {
            await using var upsert = _connection.CreateCommand();
            upsert.Transaction = _transaction;
            upsert.CommandText = """
                INSERT INTO DialRollups (CustomerId, Grouping, Day, CampaignId, AreaKey, Dials, Contacts)
                VALUES ($customer, $grouping, $day, $campaignId, $areaKey, $dials, $contacts)
                ON CONFLICT (CustomerId, Grouping, Day, CampaignId, AreaKey)
                DO UPDATE SET Dials = Dials + excluded.Dials, Contacts = Contacts + excluded.Contacts
                """;
            upsert.Parameters.AddWithValue("$customer", _customer);
            var grouping = upsert.Parameters.Add("$grouping", SqliteType.Integer);
            var day = upsert.Parameters.Add("$day", SqliteType.Text);
            var campaign = upsert.Parameters.Add("$campaignId", SqliteType.Integer);
            var areaKey = upsert.Parameters.Add("$areaKey", SqliteType.Text);
            var dials = upsert.Parameters.Add("$dials", SqliteType.Integer);
            var contacts = upsert.Parameters.Add("$contacts", SqliteType.Integer);
            upsert.Prepare();
            foreach (var (key, counts) in _rollups)
            {
                grouping.Value = (int)key.Grouping;
                day.Value = key.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                campaign.Value = key.CampaignId;
                areaKey.Value = key.AreaKey;
                dials.Value = counts.Dials;
                contacts.Value = counts.Contacts;
                upsert.ExecuteNonQuery();
            }

            await _transaction.CommitAsync(cancellationToken);
            _committed = true;
            return new DialImportCounts(_accepted, _duplicates);
        }

        public async ValueTask DisposeAsync()
        {
            await _insert.DisposeAsync();
            if (!_committed)
            {
                // Nothing half-written: every row of the request goes with the rollback.
                await _transaction.RollbackAsync();
            }

            await _transaction.DisposeAsync();
            await _context.Database.CloseConnectionAsync();
        }

        private void Count(RollupKey key, int contacts)
        {
            ref var counts = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_rollups, key, out _);
            counts = (counts.Dials + 1, counts.Contacts + contacts);
        }
    }
}
