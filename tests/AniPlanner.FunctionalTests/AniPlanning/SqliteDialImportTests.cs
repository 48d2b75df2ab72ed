using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using AniPlanner.Application.AniPlanning.ImportDials;
using AniPlanner.FunctionalTests.Infrastructure;
using AniPlanner.Infrastructure.AniPlanning;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
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
        // On Kestrel, through a socket: the in-memory test server hands a request to the service
        // only once its body is complete, so the upload would be over before the import began.
        await using var database = new SqliteTestDatabase();
        await using var factory = new AniPlannerFactory(database);
        factory.UseKestrel(0);
        factory.StartServer();
        var address = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        using var client = new HttpClient { BaseAddress = new Uri(address) };
        var uploader = await ServiceArrangements.CustomerWithCampaignAsync(client, AniPlannerFactory.AdminKey, "Slow Uploads");
        var neighbour = await ServiceArrangements.CustomerWithCampaignAsync(client, AniPlannerFactory.AdminKey, "Neighbour");
        var (uploaderId, _) = await CustomerAndCampaignAsync(factory, "Slow Uploads");

        // A row every 100 ms for 3 seconds: the import is open, reading, the whole time.
        var trickle = new TrickledContent(Encoding.UTF8.GetBytes(Header), Enumerable.Range(0, 30)
            .Select(index => Encoding.UTF8.GetBytes($"t-{index},out,2026-05-04T10:00:00-07:00,+12135550123,+12135550100,true\n")), TimeSpan.FromMilliseconds(100));
        var request = ServiceArrangements.Authorized(HttpMethod.Post, "/ani-planner/dials", uploader);
        request.Content = trickle;
        var import = client.SendAsync(request);
        await trickle.Started;

        var latencies = new List<TimeSpan>();
        var importOpen = new List<bool>();
        while (!import.IsCompleted && latencies.Count < 10)
        {
            latencies.Add(await ServiceArrangements.TimedOutplanCreateAsync(client, neighbour));
            importOpen.Add(await ImportOfCustomerIsOpenAsync(factory, uploaderId));
            await Task.Delay(150);
        }

        using var imported = await import;
        var answer = JsonNode.Parse(await imported.Content.ReadAsStringAsync())!;
        Assert.Multiple(() =>
        {
            Assert.That(imported.StatusCode, Is.EqualTo(HttpStatusCode.OK), answer.ToJsonString());
            Assert.That(answer["data"]!["accepted"]!.GetValue<long>(), Is.EqualTo(30));
            Assert.That(latencies, Has.Count.GreaterThanOrEqualTo(5), "the neighbour's writes were measured while the upload was open");
            Assert.That(importOpen.Take(5), Is.All.True, "the service was importing (the uploader's import turn was taken) while they were measured");
            Assert.That(latencies.Max(), Is.LessThan(OtherWritesWithin), string.Join(", ", latencies.Select(latency => $"{latency.TotalMilliseconds:0} ms")));
        });
    }

    [Test]
    public async Task A_second_import_of_the_same_customer_waits_for_the_first_and_both_count_each_call_once()
    {
        await using var database = new SqliteTestDatabase();
        await using var factory = new AniPlannerFactory(database);
        using var client = factory.CreateClient();
        var (customerId, campaignId) = await CustomerAndCampaignAsync(client, factory, "Two Imports");
        var (neighbourId, neighbourCampaign) = await CustomerAndCampaignAsync(client, factory, "Neighbour Imports");
        await using var firstScope = factory.Services.CreateAsyncScope();
        await using var secondScope = factory.Services.CreateAsyncScope();
        await using var neighbourScope = factory.Services.CreateAsyncScope();

        // The first import has read 20 rows (some already written: more than a turn's worth) and not committed.
        await using var first = await firstScope.ServiceProvider.GetRequiredService<IDialStore>().BeginImportAsync(customerId, CancellationToken.None);
        for (var index = 0; index < SqliteDialStore.RowsPerTransaction + 20; index++)
        {
            await first.StageAsync(Staged($"w-{index:000000}", campaignId), CancellationToken.None);
        }

        var second = secondScope.ServiceProvider.GetRequiredService<IDialStore>().BeginImportAsync(customerId, CancellationToken.None);
        await using (var neighbour = await neighbourScope.ServiceProvider.GetRequiredService<IDialStore>().BeginImportAsync(neighbourId, CancellationToken.None))
        {
            await neighbour.StageAsync(Staged("n-1", neighbourCampaign), CancellationToken.None);
            Assert.That(await neighbour.CommitAsync(CancellationToken.None), Is.EqualTo(new DialImportCounts(1, 0)), "another customer's import is not held up");
        }

        Assert.That(second.IsCompleted, Is.False, "the same customer's second import waits while the first is open");
        Assert.That(await first.CommitAsync(CancellationToken.None), Is.EqualTo(new DialImportCounts(SqliteDialStore.RowsPerTransaction + 20, 0)));

        // Its rows from the last 20 of the first's and 10 new ones: the first's are stored, so duplicates.
        await using var secondImport = await second;
        for (var index = SqliteDialStore.RowsPerTransaction; index < SqliteDialStore.RowsPerTransaction + 30; index++)
        {
            await secondImport.StageAsync(Staged($"w-{index:000000}", campaignId), CancellationToken.None);
        }

        Assert.That(await secondImport.CommitAsync(CancellationToken.None), Is.EqualTo(new DialImportCounts(10, 20)));
        Assert.That(await CountAsync(database, "SELECT SUM(Dials) FROM DialRollups WHERE Grouping = 0"), Is.EqualTo(SqliteDialStore.RowsPerTransaction + 31),
            "every call of both customers counted once");
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

            // Staged last, so it fails in the last turn, after two turns committed: no such campaign.
            await import.StageAsync(Staged("z-broken", campaignId + 1000), CancellationToken.None);
            Assert.That(async () => await import.CommitAsync(CancellationToken.None), Throws.InstanceOf<SqliteException>());
        }

        Assert.That(await CountAsync(database, "SELECT COUNT(*) FROM Dials"), Is.Zero, "dials left behind");
        Assert.That(await CountAsync(database, "SELECT COUNT(*) FROM DialRollups"), Is.Zero, "rollups left behind");
        Assert.That(await CountAsync(database, "SELECT COUNT(*) FROM AniDayRollups"), Is.Zero, "per-ANI rollups left behind");
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
    public async Task Rollups_and_totals_spilled_past_the_memory_bound_match_those_counted_in_memory()
    {
        await using var database = new SqliteTestDatabase();
        await using var factory = new AniPlannerFactory(database);
        using var client = factory.CreateClient();
        var (inMemory, inMemoryCampaign) = await CustomerAndCampaignAsync(client, factory, "Counted In Memory");
        var (spilled, spilledCampaign) = await CustomerAndCampaignAsync(client, factory, "Spilled");

        // Every row of the first 70,000 makes three cells of its own (a day and its own areas):
        // 210,000 cells, past the bound. The last 10,000 count again into the first ones' cells,
        // after the spill. Sundays to Mondays over 350 days: weeks start on many Mondays.
        const int distinctCells = 70_000;
        Assert.That(3 * distinctCells, Is.GreaterThan(SqliteDialStore.MaxRollupCellsCounted));
        var rows = Enumerable.Range(0, distinctCells + 10_000).Select(index =>
        {
            var cell = index % distinctCells;
            var day = new DateOnly(2025, 1, 5).AddDays(cell % 350);
            return new StagedDial(
                $"r-{index:000000}", 0, day.ToDateTime(new TimeOnly(17, 0), DateTimeKind.Utc), day, "+12135550123", "+12135550100", "",
                Contacted: index % 2 == 0, $"nanp:p{cell / 350}", $"nanp:a{cell / 350}", $"nanp:z{cell / 350}");
        }).ToList();

        // Imports of 10,000 rows stay within the bound; one import of all of them spills. That one
        // also finds a call id stored already (which must not count again) and a repeated one.
        foreach (var batch in rows.Chunk(10_000))
        {
            Assert.That(await ImportAsync(factory, inMemory, batch.Select(row => row with { CampaignId = inMemoryCampaign })),
                Is.EqualTo(new DialImportCounts(10_000, 0)));
        }

        Assert.That(await ImportAsync(factory, spilled, [rows[7] with { CampaignId = spilledCampaign }]), Is.EqualTo(new DialImportCounts(1, 0)));
        Assert.That(await ImportAsync(factory, spilled, rows.Append(rows[8] with { Contacted = !rows[8].Contacted }).Select(row => row with { CampaignId = spilledCampaign })),
            Is.EqualTo(new DialImportCounts(rows.Count - 1, 2)));

        var rollups = await CellsAsync(database, inMemory, Rollups);
        var totals = await CellsAsync(database, inMemory, Totals);
        var spilledRollups = await CellsAsync(database, spilled, Rollups);
        var spilledTotals = await CellsAsync(database, spilled, Totals);
        Assert.Multiple(() =>
        {
            Assert.That(spilledRollups, Is.EqualTo(rollups));
            Assert.That(spilledTotals, Is.EqualTo(totals));
            Assert.That(rollups, Has.Count.EqualTo(3 * distinctCells));
            Assert.That(rollups, Has.Member("0|2025-01-05|nanp:p0|2|2"), "a cell counted before the spill and after it");
            Assert.That(totals.Where(total => total.StartsWith("0|1|", StringComparison.Ordinal)).Select(total => total.Split('|')[2]).Distinct(),
                Has.Exactly(51).Items, "area code weeks: 350 days from a Sunday touch 51 Mondays");
            Assert.That(totals.Where(total => total.StartsWith("0|0|", StringComparison.Ordinal)), Has.Exactly(distinctCells).Items, "area code days");
        });
        Assert.That(await CountAsync(database, "SELECT SUM(Dials) FROM DialRollups WHERE Grouping = 1"), Is.EqualTo(2L * rows.Count), "every dial once per customer");
        Assert.That(await CountAsync(database, "SELECT SUM(Contacts) FROM DialRollups WHERE Grouping = 1"), Is.EqualTo(rows.Count), "every other dial contacted");
        Assert.That(await CountAsync(database, "SELECT SUM(Dials) FROM AniDayRollups"), Is.EqualTo(2L * rows.Count), "per ANI: every dial once per customer");
        Assert.That(await CountAsync(database, "SELECT SUM(Contacts) FROM AniDayRollups"), Is.EqualTo(rows.Count), "per ANI: every other dial contacted");
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

    /// <summary>Whether an import of the customer is under way: another one cannot begin within a moment.</summary>
    private static async Task<bool> ImportOfCustomerIsOpenAsync(AniPlannerFactory factory, Guid customerId)
    {
        using var moment = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));
        try
        {
            using var turn = await factory.Services.GetRequiredService<SqliteDialImportTurns>().EnterAsync(customerId, moment.Token);
            return false;
        }
        catch (OperationCanceledException)
        {
            return true;
        }
    }

    private static async Task<(Guid CustomerId, long CampaignId)> CustomerAndCampaignAsync(HttpClient client, AniPlannerFactory factory, string name)
    {
        _ = await ServiceArrangements.CustomerWithCampaignAsync(client, AniPlannerFactory.AdminKey, name);
        return await CustomerAndCampaignAsync(factory, name);
    }

    /// <summary>The ids of an existing customer, by name, and of its campaign.</summary>
    private static async Task<(Guid CustomerId, long CampaignId)> CustomerAndCampaignAsync(AniPlannerFactory factory, string name)
    {
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
