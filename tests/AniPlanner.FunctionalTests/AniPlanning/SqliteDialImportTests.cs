using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using AniPlanner.Application.AniPlanning.ImportDials;
using AniPlanner.FunctionalTests.Infrastructure;
using AniPlanner.Infrastructure.AniPlanning;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace AniPlanner.FunctionalTests.AniPlanning;

/// <summary>
/// SQLite has one writer at a time. A dial import there must not keep other customers' writes
/// waiting on its upload, must write its rows in short turns, and must still leave all of its
/// rows or none, whatever fails and wherever the process stops.
/// </summary>
public sealed class SqliteDialImportTests
{
    private const string Header = "callId,campaign,dialedAt,prospectNumber,aniNumber,contacted\n";
    private static readonly TimeSpan OtherWritesWithin = TimeSpan.FromSeconds(1);

    [Test]
    public async Task A_trickled_upload_keeps_no_other_customer_waiting()
    {
        await using var database = new SqliteTestDatabase();
        await using var factory = new AniPlannerFactory(database);
        using var client = factory.CreateClient();
        var uploader = await ServiceArrangements.CustomerWithCampaignAsync(client, AniPlannerFactory.AdminKey, "Slow Uploads");
        var neighbour = await ServiceArrangements.CustomerWithCampaignAsync(client, AniPlannerFactory.AdminKey, "Neighbour");

        // A row every 100 ms for 3 seconds: the import is open, reading, the whole time.
        var trickle = new TrickledContent(Encoding.UTF8.GetBytes(Header), Enumerable.Range(0, 30)
            .Select(index => Encoding.UTF8.GetBytes($"t-{index},out,2026-05-04T10:00:00-07:00,+12135550123,+12135550100,true\n")), TimeSpan.FromMilliseconds(100));
        var request = ServiceArrangements.Authorized(HttpMethod.Post, "/ani-planner/dials", uploader);
        request.Content = trickle;
        var import = client.SendAsync(request);
        await trickle.Started;

        var latencies = new List<TimeSpan>();
        while (!import.IsCompleted && latencies.Count < 10)
        {
            latencies.Add(await ServiceArrangements.TimedOutplanCreateAsync(client, neighbour));
            await Task.Delay(150);
        }

        using var imported = await import;
        var answer = JsonNode.Parse(await imported.Content.ReadAsStringAsync())!;
        Assert.Multiple(() =>
        {
            Assert.That(imported.StatusCode, Is.EqualTo(HttpStatusCode.OK), answer.ToJsonString());
            Assert.That(answer["data"]!["accepted"]!.GetValue<long>(), Is.EqualTo(30));
            Assert.That(latencies, Has.Count.GreaterThanOrEqualTo(5), "the neighbour's writes were measured while the upload was open");
            Assert.That(latencies.Max(), Is.LessThan(OtherWritesWithin), string.Join(", ", latencies.Select(latency => $"{latency.TotalMilliseconds:0} ms")));
        });
    }

    [Test]
    public async Task A_large_import_writes_in_short_turns_that_let_other_writes_through()
    {
        await using var database = new SqliteTestDatabase();
        await using var factory = new AniPlannerFactory(database);
        using var client = factory.CreateClient();
        var importer = await ServiceArrangements.CustomerWithCampaignAsync(client, AniPlannerFactory.AdminKey, "Big Imports");
        var neighbour = await ServiceArrangements.CustomerWithCampaignAsync(client, AniPlannerFactory.AdminKey, "Neighbour");
        const int rows = 200_000;

        var body = new StringBuilder(Header);
        for (var index = 0; index < rows; index++)
        {
            body.Append(CultureInvariant($"big-{index},out,2026-05-{4 + index % 5:00}T10:00:00-07:00,+1213555{index % 10_000:0000},+12135550100,{(index % 3 == 0 ? "true" : "false")}\n"));
        }

        var import = client.SendAsync(ServiceArrangements.Authorized(HttpMethod.Post, "/ani-planner/dials", importer, body.ToString(), "text/csv"));
        var latencies = new List<TimeSpan>();
        while (!import.IsCompleted)
        {
            latencies.Add(await ServiceArrangements.TimedOutplanCreateAsync(client, neighbour));
            await Task.Delay(50);
        }

        using var imported = await import;
        var answer = JsonNode.Parse(await imported.Content.ReadAsStringAsync())!;
        Assert.Multiple(() =>
        {
            Assert.That(imported.StatusCode, Is.EqualTo(HttpStatusCode.OK), answer.ToJsonString());
            Assert.That(answer["data"]!["accepted"]!.GetValue<long>(), Is.EqualTo(rows));
            Assert.That(latencies, Is.Not.Empty);
            Assert.That(latencies.Max(), Is.LessThan(OtherWritesWithin), $"{latencies.Count} writes, slowest {latencies.Max().TotalMilliseconds:0} ms");
        });

        // The write-ahead log was checkpointed and truncated, not left at the import's size.
        var wal = new FileInfo(new SqliteConnectionStringBuilder(database.ConnectionString).DataSource + "-wal");
        Assert.That(wal.Exists ? wal.Length : 0, Is.LessThan(4 * 1024 * 1024), "WAL bytes after the import");
    }

    [Test]
    public async Task An_import_that_fails_after_some_turns_removes_the_rows_it_wrote()
    {
        await using var database = new SqliteTestDatabase();
        await using var factory = new AniPlannerFactory(database);
        using var client = factory.CreateClient();
        var (customerId, campaignId) = await CustomerAndCampaignAsync(client, factory, "Failing Import");

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var store = scope.ServiceProvider.GetRequiredService<IDialStore>();
            await using var import = await store.BeginImportAsync(customerId, CancellationToken.None);
            for (var index = 0; index < SqliteDialStore.RowsPerTransaction * 2; index++)
            {
                await import.StageAsync(Staged($"a-{index:000000}", campaignId), CancellationToken.None);
            }

            // Sorted last, so it fails in the last turn, after two turns committed: no such campaign.
            await import.StageAsync(Staged("z-broken", campaignId + 1000), CancellationToken.None);
            Assert.That(async () => await import.CommitAsync(CancellationToken.None), Throws.InstanceOf<SqliteException>());
        }

        Assert.That(await CountAsync(database, "SELECT COUNT(*) FROM Dials"), Is.Zero, "dials left behind");
        Assert.That(await CountAsync(database, "SELECT COUNT(*) FROM DialRollups"), Is.Zero, "rollups left behind");
        Assert.That(await CountAsync(database, "SELECT COUNT(*) FROM DialImports"), Is.Zero, "import records left behind");
    }

    [Test]
    public async Task Rows_of_an_import_cut_short_by_a_crash_are_removed_at_the_next_start()
    {
        await using var database = new SqliteTestDatabase();
        Guid customerId;
        long campaignId;
        await using (var factory = new AniPlannerFactory(database))
        {
            using var client = factory.CreateClient();
            (customerId, campaignId) = await CustomerAndCampaignAsync(client, factory, "Crashed Import");
            var token = await ServiceArrangements.CustomerWithCampaignAsync(client, AniPlannerFactory.AdminKey, "Committed Import");
            using var committed = await client.SendAsync(ServiceArrangements.Authorized(HttpMethod.Post, "/ani-planner/dials", token,
                Header + "kept-1,out,2026-05-04T10:00:00-07:00,+12135550123,+12135550100,true\n", "text/csv"));
            Assert.That(committed.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }

        // What a process killed between two turns leaves: an import not committed, and some of its rows.
        await using (var connection = new SqliteConnection(database.ConnectionString))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = """
                INSERT INTO DialImports (Id, CustomerId, StartedAtUtc) VALUES (4242, $customer, '2026-06-15 12:00:00');
                INSERT INTO Dials (CustomerId, CallId, CampaignId, DialedAtUtc, Day, ProspectNumber, AniNumber, ProspectZip, Contacted, ImportId)
                VALUES ($customer, 'orphan-1', $campaign, '2026-05-04 17:00:00', '2026-05-04', '+12135550123', '+12135550100', '', 1, 4242),
                       ($customer, 'orphan-2', $campaign, '2026-05-04 17:00:00', '2026-05-04', '+12135550123', '+12135550100', '', 0, 4242);
                """;
            command.Parameters.AddWithValue("$customer", customerId.ToString().ToUpperInvariant());
            command.Parameters.AddWithValue("$campaign", campaignId);
            await command.ExecuteNonQueryAsync();
        }

        await using (var restarted = new AniPlannerFactory(database))
        {
            using var client = restarted.CreateClient();
            using var health = await client.GetAsync("/health/ready");
            Assert.That(health.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(restarted.Logs.Lines, Has.Some.Contains("Removed the dials of 1 dial import(s)"));
        }

        Assert.That(await CountAsync(database, "SELECT COUNT(*) FROM Dials WHERE CallId LIKE 'orphan-%'"), Is.Zero);
        Assert.That(await CountAsync(database, "SELECT COUNT(*) FROM Dials WHERE CallId = 'kept-1'"), Is.EqualTo(1), "a committed import's dials stay");
        Assert.That(await CountAsync(database, "SELECT COUNT(*) FROM DialImports WHERE CommittedAtUtc IS NULL"), Is.Zero);
    }

    [Test]
    public async Task Rollups_and_totals_counted_while_staging_match_what_sql_counts_from_the_rows_written()
    {
        await using var database = new SqliteTestDatabase();
        await using var factory = new AniPlannerFactory(database);
        using var client = factory.CreateClient();
        var (counted, countedCampaign) = await CustomerAndCampaignAsync(client, factory, "Counted While Staging");
        var (summed, summedCampaign) = await CustomerAndCampaignAsync(client, factory, "Summed By SQL");

        // Many rows per rollup cell, so the import counts them as it stages. The other customer
        // has one of the call ids already, so not every staged row is written and SQL counts the
        // rows that were (the known one must not count again, nor a repeat within the request).
        // Saturday, Sunday and Monday: the weekly totals start on two Mondays.
        var rows = Enumerable.Range(0, 60).Select(index => new StagedDial(
            $"r-{index:000}", 0, new DateTime(2026, 5, 2 + index % 3, 17, 0, 0, DateTimeKind.Utc), new DateOnly(2026, 5, 2 + index % 3),
            "+12135550123", "+12135550100", "", Contacted: index % 2 == 0,
            $"nanp:{213 + index % 4}", $"nanp:{310 + index % 2}", index % 5 == 0 ? "" : "nanp:818")).ToList();
        Assert.That(await ImportAsync(factory, counted, rows.Select(row => row with { CampaignId = countedCampaign })),
            Is.EqualTo(new DialImportCounts(60, 0)));
        Assert.That(await ImportAsync(factory, summed, [rows[7] with { CampaignId = summedCampaign }]), Is.EqualTo(new DialImportCounts(1, 0)));
        Assert.That(await ImportAsync(factory, summed, rows.Append(rows[8] with { Contacted = !rows[8].Contacted }).Select(row => row with { CampaignId = summedCampaign })),
            Is.EqualTo(new DialImportCounts(59, 2)));

        var rollups = await CellsAsync(database, counted, Rollups);
        var totals = await CellsAsync(database, counted, Totals);
        var summedRollups = await CellsAsync(database, summed, Rollups);
        var summedTotals = await CellsAsync(database, summed, Totals);
        Assert.Multiple(() =>
        {
            Assert.That(rollups, Is.EqualTo(summedRollups));
            Assert.That(totals, Is.EqualTo(summedTotals));
            Assert.That(totals.Where(total => total.StartsWith("0|1|", StringComparison.Ordinal)).Select(total => total.Split('|')[2]).Distinct(),
                Is.EqualTo(new[] { "2026-04-27", "2026-05-04" }), "area code weeks start on the Mondays before and of May 4th");
            Assert.That(totals.Where(total => total.StartsWith("0|0|", StringComparison.Ordinal)), Has.Exactly(12).Items, "area code days: 3 days x 4 areas");
            Assert.That(rollups.Where(rollup => rollup.StartsWith("0|", StringComparison.Ordinal)), Has.Exactly(12).Items, "area code cells: 3 days x 4 areas");
            Assert.That(rollups.Where(rollup => rollup.StartsWith("2|", StringComparison.Ordinal)), Has.Exactly(6).Items, "ZIP cells: 3 days x (none, 818)");
        });
        Assert.That(await CountAsync(database, "SELECT SUM(Dials) FROM DialRollups WHERE Grouping = 1"), Is.EqualTo(120), "60 dials per customer");
        Assert.That(await CountAsync(database, "SELECT SUM(Contacts) FROM DialRollups WHERE Grouping = 1"), Is.EqualTo(60), "30 contacts per customer");
    }

    private static async Task<DialImportCounts> ImportAsync(AniPlannerFactory factory, Guid customerId, IEnumerable<StagedDial> rows)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        await using var import = await scope.ServiceProvider.GetRequiredService<IDialStore>().BeginImportAsync(customerId, CancellationToken.None);
        foreach (var row in rows)
        {
            await import.StageAsync(row, CancellationToken.None);
        }

        return await import.CommitAsync(CancellationToken.None);
    }

    /// <summary>A customer's rollups as "grouping|day|area|dials|contacts", in key order (campaigns differ between customers).</summary>
    private const string Rollups = """
        SELECT Grouping || '|' || Day || '|' || AreaKey || '|' || Dials || '|' || Contacts FROM DialRollups
        WHERE CustomerId = $customer ORDER BY Grouping, Day, AreaKey
        """;

    /// <summary>A customer's totals as "grouping|period|start|area|dials|contacts", in key order.</summary>
    private const string Totals = """
        SELECT Grouping || '|' || Period || '|' || Start || '|' || AreaKey || '|' || Dials || '|' || Contacts FROM DialTotals
        WHERE CustomerId = $customer ORDER BY Grouping, Period, Start, AreaKey
        """;

    private static async Task<List<string>> CellsAsync(TestDatabase database, Guid customerId, string sql)
    {
        await using var connection = new SqliteConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$customer", customerId.ToString().ToUpperInvariant());
        var cells = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            cells.Add(reader.GetString(0));
        }

        return cells;
    }

    private static async Task<(Guid CustomerId, long CampaignId)> CustomerAndCampaignAsync(HttpClient client, AniPlannerFactory factory, string name)
    {
        _ = await ServiceArrangements.CustomerWithCampaignAsync(client, AniPlannerFactory.AdminKey, name);
        await using var connection = new SqliteConnection(factory.Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT c.Id, c.CustomerId FROM Campaigns c JOIN Customers u ON u.Id = c.CustomerId WHERE u.Name = $name";
        command.Parameters.AddWithValue("$name", name);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.That(await reader.ReadAsync(), Is.True, "the campaign was created");
        return (Guid.Parse(reader.GetString(1)), reader.GetInt64(0));
    }

    private static StagedDial Staged(string callId, long campaignId) => new(
        callId, campaignId, new DateTime(2026, 5, 4, 17, 0, 0, DateTimeKind.Utc), new DateOnly(2026, 5, 4),
        "+12135550123", "+12135550100", "", Contacted: true, "nanp:213", "nanp:213", "");

    private static async Task<long> CountAsync(TestDatabase database, string sql)
    {
        await using var connection = new SqliteConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static string CultureInvariant(FormattableString text) => FormattableString.Invariant(text);

    /// <summary>A CSV body sent a row at a time, as a slow client would.</summary>
    private sealed class TrickledContent : HttpContent
    {
        private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly byte[] _header;
        private readonly IEnumerable<byte[]> _rows;
        private readonly TimeSpan _pause;

        public TrickledContent(byte[] header, IEnumerable<byte[]> rows, TimeSpan pause)
        {
            (_header, _rows, _pause) = (header, rows, pause);
            Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/csv");
        }

        public Task Started => _started.Task;

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            await stream.WriteAsync(_header);
            await stream.FlushAsync();
            _started.TrySetResult();
            foreach (var row in _rows)
            {
                await Task.Delay(_pause);
                await stream.WriteAsync(row);
                await stream.FlushAsync();
            }
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
