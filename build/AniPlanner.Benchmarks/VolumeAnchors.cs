using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;

/// <summary>
/// The volume benchmark's yardsticks, measured in the same run as the service: the rawest way to
/// put the same rows into the same database (no parsing, checks, duplicates or rollups), and the
/// naive way to answer the plan's dial read (a scan of the raw dials).
/// </summary>
internal interface IVolumeAnchors
{
    /// <summary>What the raw rate is, for the report ("prepared insert", "binary COPY").</summary>
    string RawInsertName { get; }

    /// <summary>Writes dials 0..count-1 into a fresh table like the dial table without indexes; answers the time taken.</summary>
    Task<TimeSpan> RawInsertAsync(SyntheticDials dials, long count);

    /// <summary>Dials and contacts per prospect area code over the plan's days, straight from the stored dials; answers the time taken.</summary>
    Task<TimeSpan> NaiveScanAsync(DateOnly from, DateOnly to);

    /// <summary>Each ANI's dials, contacts and busiest day over the days, straight from the stored dials (the usage query's question); answers the time taken.</summary>
    Task<TimeSpan> NaiveAniScanAsync(DateOnly from, DateOnly to);
}

/// <summary>SQLite: one transaction of one prepared INSERT per row into a table in its own file; the naive scan reads the service's file.</summary>
internal sealed class SqliteVolumeAnchors(string serviceDatabase, string anchorDatabase) : IVolumeAnchors
{
    public string RawInsertName => "prepared single-transaction SQLite INSERT";

    public async Task<TimeSpan> RawInsertAsync(SyntheticDials dials, long count)
    {
        File.Delete(anchorDatabase);
        await using var connection = new SqliteConnection($"Data Source={anchorDatabase};Pooling=False");
        await connection.OpenAsync();
        await using (var create = connection.CreateCommand())
        {
            // The service's journal mode, so both write the same way.
            create.CommandText = """
                PRAGMA journal_mode = WAL;
                CREATE TABLE RawDials (CustomerId TEXT NOT NULL, CallId TEXT NOT NULL, CampaignId INTEGER NOT NULL, DialedAtUtc TEXT NOT NULL,
                    Day TEXT NOT NULL, ProspectNumber TEXT NOT NULL, AniNumber TEXT NOT NULL, ProspectZip TEXT NOT NULL, Contacted INTEGER NOT NULL);
                """;
            await create.ExecuteNonQueryAsync();
        }

        var started = Stopwatch.GetTimestamp();
        await using (var transaction = connection.BeginTransaction())
        {
            await using var insert = connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = "INSERT INTO RawDials VALUES ($customer, $callId, $campaignId, $dialedAtUtc, $day, $prospect, $ani, $zip, $contacted)";
            var customer = insert.Parameters.Add("$customer", SqliteType.Text);
            var values = ((string[])["$callId", "$campaignId", "$dialedAtUtc", "$day", "$prospect", "$ani", "$zip", "$contacted"])
                .Select(name => insert.Parameters.Add(name, name is "$campaignId" or "$contacted" ? SqliteType.Integer : SqliteType.Text)).ToArray();
            customer.Value = SyntheticDials.AnchorCustomer;
            insert.Prepare();
            for (long index = 0; index < count; index++)
            {
                var row = dials.Row(index);
                values[0].Value = row.CallId;
                values[1].Value = row.CampaignId;
                values[2].Value = row.DialedAtUtc.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
                values[3].Value = row.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                values[4].Value = row.ProspectNumber;
                values[5].Value = row.AniNumber;
                values[6].Value = row.Zip;
                values[7].Value = row.Contacted ? 1 : 0;
                insert.ExecuteNonQuery();
            }

            await transaction.CommitAsync();
        }

        var elapsed = Stopwatch.GetElapsedTime(started);
        SqliteConnection.ClearAllPools();
        File.Delete(anchorDatabase);
        File.Delete(anchorDatabase + "-wal");
        File.Delete(anchorDatabase + "-shm");
        return elapsed;
    }

    public Task<TimeSpan> NaiveScanAsync(DateOnly from, DateOnly to) => ScanAsync("""
        SELECT substr(ProspectNumber, 3, 3) AS AreaCode, COUNT(*), SUM(Contacted) FROM Dials
        WHERE Day >= $from AND Day <= $to GROUP BY AreaCode
        """, from, to);

    public Task<TimeSpan> NaiveAniScanAsync(DateOnly from, DateOnly to) => ScanAsync("""
        SELECT AniNumber, SUM(Dials), SUM(Contacts), MAX(Dials) FROM (
            SELECT AniNumber, Day, COUNT(*) AS Dials, SUM(Contacted) AS Contacts FROM Dials
            WHERE Day >= $from AND Day <= $to GROUP BY AniNumber, Day)
        GROUP BY AniNumber
        """, from, to);

    private async Task<TimeSpan> ScanAsync(string sql, DateOnly from, DateOnly to)
    {
        await using var connection = new SqliteConnection($"Data Source={serviceDatabase};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var scan = connection.CreateCommand();
        scan.CommandText = sql;
        scan.Parameters.AddWithValue("$from", from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        scan.Parameters.AddWithValue("$to", to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        var started = Stopwatch.GetTimestamp();
        await using var reader = await scan.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
        }

        return Stopwatch.GetElapsedTime(started);
    }
}

/// <summary>PostgreSQL: binary COPY into an ordinary (logged) table without indexes in its own database of the same cluster; the naive scan reads the service's database.</summary>
internal sealed class PostgreSqlVolumeAnchors(string serviceConnectionString, string anchorConnectionString) : IVolumeAnchors
{
    public string RawInsertName => "binary COPY into an unindexed PostgreSQL table";

    public async Task<TimeSpan> RawInsertAsync(SyntheticDials dials, long count)
    {
        await using var connection = new NpgsqlConnection(anchorConnectionString);
        await connection.OpenAsync();
        await using (var create = new NpgsqlCommand("""
            DROP TABLE IF EXISTS raw_dials;
            CREATE TABLE raw_dials (customer_id uuid NOT NULL, call_id varchar(128) NOT NULL, campaign_id bigint NOT NULL,
                dialed_at_utc timestamp with time zone NOT NULL, day date NOT NULL, prospect_number varchar(20) NOT NULL,
                ani_number varchar(20) NOT NULL, prospect_zip varchar(5) NOT NULL, contacted boolean NOT NULL);
            """, connection))
        {
            await create.ExecuteNonQueryAsync();
        }

        var customer = Guid.Parse(SyntheticDials.AnchorCustomer);
        var started = Stopwatch.GetTimestamp();
        await using (var copy = await connection.BeginBinaryImportAsync(
            "COPY raw_dials (customer_id, call_id, campaign_id, dialed_at_utc, day, prospect_number, ani_number, prospect_zip, contacted) FROM STDIN (FORMAT BINARY)"))
        {
            for (long index = 0; index < count; index++)
            {
                var row = dials.Row(index);
                await copy.StartRowAsync();
                await copy.WriteAsync(customer, NpgsqlDbType.Uuid);
                await copy.WriteAsync(row.CallId, NpgsqlDbType.Varchar);
                await copy.WriteAsync(row.CampaignId, NpgsqlDbType.Bigint);
                await copy.WriteAsync(row.DialedAtUtc, NpgsqlDbType.TimestampTz);
                await copy.WriteAsync(row.Day, NpgsqlDbType.Date);
                await copy.WriteAsync(row.ProspectNumber, NpgsqlDbType.Varchar);
                await copy.WriteAsync(row.AniNumber, NpgsqlDbType.Varchar);
                await copy.WriteAsync(row.Zip, NpgsqlDbType.Varchar);
                await copy.WriteAsync(row.Contacted, NpgsqlDbType.Boolean);
            }

            await copy.CompleteAsync();
        }

        var elapsed = Stopwatch.GetElapsedTime(started);
        await using (var drop = new NpgsqlCommand("DROP TABLE raw_dials", connection))
        {
            await drop.ExecuteNonQueryAsync();
        }

        return elapsed;
    }

    public Task<TimeSpan> NaiveScanAsync(DateOnly from, DateOnly to) => ScanAsync("""
        SELECT substr("ProspectNumber", 3, 3) AS area_code, COUNT(*), SUM("Contacted"::int) FROM "Dials"
        WHERE "Day" >= @from AND "Day" <= @to GROUP BY area_code
        """, from, to);

    public Task<TimeSpan> NaiveAniScanAsync(DateOnly from, DateOnly to) => ScanAsync("""
        SELECT ani, SUM(dials), SUM(contacts), MAX(dials) FROM (
            SELECT "AniNumber" AS ani, "Day", COUNT(*) AS dials, SUM("Contacted"::int) AS contacts FROM "Dials"
            WHERE "Day" >= @from AND "Day" <= @to GROUP BY "AniNumber", "Day") days
        GROUP BY ani
        """, from, to);

    private async Task<TimeSpan> ScanAsync(string sql, DateOnly from, DateOnly to)
    {
        await using var connection = new NpgsqlConnection(serviceConnectionString);
        await connection.OpenAsync();
        await using var scan = new NpgsqlCommand(sql, connection);
        scan.Parameters.AddWithValue("from", from);
        scan.Parameters.AddWithValue("to", to);
        var started = Stopwatch.GetTimestamp();
        await using var reader = await scan.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
        }

        return Stopwatch.GetElapsedTime(started);
    }
}
