using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

/// <summary>
/// The ANI Planner at volume (issue 12), each figure beside its anchor measured in the same run:
/// <list type="bullet">
/// <item>Ingest: N dials as NDJSON over HTTP, once as requests of a batch size and once as one
/// request, each into a fresh database, beside the raw rate of the same rows put in the rawest
/// way (SQLite: one prepared INSERT per row in one transaction into an unindexed table; PostgreSQL:
/// binary COPY into one). The service's resident memory is sampled throughout.</item>
/// <item>Generate: p50/p95 of POST /ani-planner/generate (with a credential, over HTTP) at the
/// checkpoint and at N dials, beside a naive GROUP BY scan of the raw dials answering the same
/// question.</item>
/// <item>ANI usage (issue 15): p50/p95 of GET /ani-planner/anis/usage over the same 30 days for a
/// company with --anis ANIs, beside a naive scan of the raw dials by ANI and day.</item>
/// </list>
/// The service is the Release build, run as its own process. Prints figures; never fails on them.
/// </summary>
internal static class VolumeBenchmark
{
    private const string AdminKey = "bench-admin-key-0123456789abcdef";

    public static async Task<int> RunAsync(string repository, string[] args)
    {
        var options = VolumeOptions.Parse(args);
        if (options is null)
        {
            Console.WriteLine("""
                usage: dotnet run -c Release --project build/AniPlanner.Benchmarks -- volume [options]
                  --dials N          dials per ingest shape (default 10000000)
                  --batch N          dials per request of the batched shape (default 100000)
                  --checkpoint N     also time generate after this many dials of the batched shape (default 1000000)
                  --days N           days the dials spread over, ending yesterday (default 60)
                  --area-codes N     distinct prospect area codes (default 300)
                  --anis N           the company's ANIs, every one dialling (default 5000)
                  --generate-runs N  timed generate calls per checkpoint, after 50 untimed (default 50)
                  --scan-runs N      naive scans per checkpoint, the median is printed (default 3)
                  --shapes LIST      batched,single or one of them (default batched,single)
                  --postgres-at CS   on the PostgreSQL server this superuser connection string names (creates and drops bench_* databases there)
                  --keep             keep the SQLite files (their folder is printed)
                  --postgres         on a throwaway PostgreSQL cluster (the newest under /usr/lib/postgresql) instead of SQLite
                quick check: -- volume --dials 200000 --batch 20000 --checkpoint 20000 --generate-runs 20
                """);
            return 0;
        }

        var api = Path.Combine(repository, "src", "Api", "bin", "Release", "net10.0", "AniPlanner.Api.dll");
        if (!File.Exists(api))
        {
            Console.Error.WriteLine($"Build first: dotnet build -c Release build/AniPlanner.Benchmarks (it builds src/Api alongside; {api} is missing)");
            return 1;
        }

        var workDirectory = Directory.CreateTempSubdirectory("aniplanner-volume-").FullName;
        ThrowawayPostgreSql? cluster = null;
        try
        {
            cluster = options.PostgreSqlAt is { } existing ? ThrowawayPostgreSql.Existing(existing)
                : options.PostgreSql ? await ThrowawayPostgreSql.StartAsync() : null;
            var report = new List<string>();
            var yesterday = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1);
            var planFrom = yesterday.AddDays(-29);
            SyntheticDials? dials = null;
            var anchorRates = new List<double>();
            Console.WriteLine($"volume benchmark on {(options.PostgreSql ? "PostgreSQL" : "SQLite")}: {options.Dials:N0} dials per shape over {options.Days} days, "
                + $"{options.AreaCodes} area codes, one company; generate over {planFrom:yyyy-MM-dd}..{yesterday:yyyy-MM-dd}");

            foreach (var shape in options.Shapes)
            {
                var database = $"bench_{shape}";
                var connectionString = cluster is null ? $"Data Source={Path.Combine(workDirectory, database + ".db")}" : cluster.ServiceConnectionString(database);
                if (cluster is not null)
                {
                    await CreateDatabaseAsync(cluster, database);
                    await CreateDatabaseAsync(cluster, "anchor");
                }

                IVolumeAnchors anchors = cluster is null
                    ? new SqliteVolumeAnchors(Path.Combine(workDirectory, database + ".db"), Path.Combine(workDirectory, "anchor.db"))
                    : new PostgreSqlVolumeAnchors(connectionString, cluster.ConnectionString("anchor"));

                await using var service = await VolumeService.StartAsync(api, connectionString, cluster is null ? "Sqlite" : "PostgreSql", options.AreaCodes, options.Anis);
                dials ??= new SyntheticDials(service.AreaCodes, service.Anis, service.Campaigns, yesterday.AddDays(1 - options.Days), options.Days);

                // The anchor runs while the service idles, just before the shape it is compared with.
                var anchor = await anchors.RawInsertAsync(dials, options.Dials);
                var anchorRate = options.Dials / anchor.TotalSeconds;
                anchorRates.Add(anchorRate);
                Console.WriteLine($"\nanchor: {anchors.RawInsertName} of {options.Dials:N0} rows in {anchor.TotalSeconds:F1} s = {anchorRate:N0} rows/s");

                var batch = shape == "single" ? options.Dials : options.Batch;
                var memory = new ResidentMemorySampler(service.ProcessId);
                var ingest = TimeSpan.Zero;
                long sent = 0;
                var requests = 0;
                while (sent < options.Dials)
                {
                    var count = Math.Min(batch, options.Dials - sent);
                    ingest += await service.ImportAsync(dials, sent, count);
                    sent += count;
                    requests++;
                    if (shape == "batched" && (sent == options.Checkpoint || sent == options.Dials) && options.Checkpoint <= options.Dials)
                    {
                        Console.WriteLine($"  {sent:N0} dials in {requests} requests, {sent / ingest.TotalSeconds:N0} dials/s so far, service RSS peak {memory.PeakMb:N0} MB");
                        var (p50, p95) = await service.TimeGenerateAsync(planFrom, yesterday, options.GenerateRuns);
                        var scan = await MedianAsync(options.ScanRuns, () => anchors.NaiveScanAsync(planFrom, yesterday));
                        var line = $"generate at {sent,12:N0} dials: p50 {p50,6:F1} ms, p95 {p95,6:F1} ms   | naive scan of the raw dials {scan,8:F0} ms (median of {options.ScanRuns})";
                        Console.WriteLine("  " + line);
                        report.Add(line);

                        var (usageP50, usageP95) = await service.TimeUsageAsync(planFrom, yesterday, options.GenerateRuns, cold: false);
                        var (coldP50, coldP95) = await service.TimeUsageAsync(planFrom, yesterday, options.GenerateRuns, cold: true);
                        var aniScan = await MedianAsync(options.ScanRuns, () => anchors.NaiveAniScanAsync(planFrom, yesterday));
                        var usage = $"anis/usage at {sent,9:N0} dials, {options.Anis:N0} ANIs: p50 {usageP50,6:F1} ms, p95 {usageP95,6:F1} ms; "
                            + $"first asked (kept answers missed): p50 {coldP50,6:F1} ms, p95 {coldP95,6:F1} ms   | naive scan by ANI and day {aniScan,8:F0} ms (median of {options.ScanRuns})";
                        Console.WriteLine("  " + usage);
                        report.Add(usage);
                    }
                }

                memory.Stop();
                var rate = options.Dials / ingest.TotalSeconds;
                var shapeName = shape == "single" ? "one request" : $"{requests} requests of {batch:N0}";
                var summary = $"ingest {shapeName,-26}: {rate,9:N0} dials/s = {100 * rate / anchorRate,3:F0} % of the anchor's {anchorRate:N0} rows/s; service RSS max {memory.PeakMb:N0} MB ({memory.PeakMakeUp})";
                Console.WriteLine("  " + summary);
                report.Add(summary);
            }

            Console.WriteLine();
            Console.WriteLine($"== summary ({(options.PostgreSql ? "PostgreSQL" : "SQLite")}, {options.Dials:N0} dials per shape; anchor: {(options.PostgreSql ? "binary COPY" : "prepared single-transaction INSERT")}, unindexed table) ==");
            report.ForEach(Console.WriteLine);
            Console.WriteLine("targets: generate p50 <= 5 ms at 10 M and flat from 1 M; anis/usage p50 < 20 ms at 10 M dials and 5,000 ANIs; ingest >= 250,000 dials/s and >= 45 % of the anchor; RSS < 300 MB");
            return 0;
        }
        finally
        {
            if (cluster is not null)
            {
                await cluster.DisposeAsync();
            }

            if (options.Keep)
            {
                Console.WriteLine($"kept {workDirectory}");
            }
            else
            {
                Directory.Delete(workDirectory, recursive: true);
            }
        }
    }

    private static async Task CreateDatabaseAsync(ThrowawayPostgreSql cluster, string database)
    {
        // The naive scans' pooled connections would outlive the database the drop forces them off.
        Npgsql.NpgsqlConnection.ClearAllPools();
        await using var connection = new Npgsql.NpgsqlConnection(cluster.ConnectionString("postgres"));
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand($"DROP DATABASE IF EXISTS {database} WITH (FORCE); CREATE DATABASE {database}", connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>The median of <paramref name="runs"/> timings, in milliseconds.</summary>
    private static async Task<double> MedianAsync(int runs, Func<Task<TimeSpan>> timed)
    {
        var timings = new List<double>();
        for (var run = 0; run < runs; run++)
        {
            timings.Add((await timed()).TotalMilliseconds);
        }

        timings.Sort();
        return timings[timings.Count / 2];
    }

    /// <summary>The service as its own process on a fresh database, with one company, its campaigns and its ANIs.</summary>
    private sealed class VolumeService : IAsyncDisposable
    {
        private readonly Process _process;
        private readonly HttpClient _http;

        private VolumeService(Process process, HttpClient http) => (_process, _http) = (process, http);

        public int ProcessId => _process.Id;
        public IReadOnlyList<string> AreaCodes { get; private set; } = [];
        public IReadOnlyList<string> Anis { get; private set; } = [];
        public IReadOnlyList<string> Campaigns { get; } = ["bench-west", "bench-east", "bench-autodial"];

        public static async Task<VolumeService> StartAsync(string api, string connectionString, string provider, int areaCodes, int anis)
        {
            var baseUrl = $"http://127.0.0.1:{5300 + Random.Shared.Next(300)}";
            var process = ServiceProcess.Start(api, baseUrl, connectionString, provider, AdminKey);
            var service = new VolumeService(process, new HttpClient { BaseAddress = new Uri(baseUrl), Timeout = Timeout.InfiniteTimeSpan });
            try
            {
                await service.SetUpAsync(areaCodes, anis);
                return service;
            }
            catch
            {
                await service.DisposeAsync();
                throw;
            }
        }

        private async Task SetUpAsync(int areaCodes, int anis)
        {
            await ServiceProcess.WaitUntilAnsweringAsync(_http, "/health", _process, TimeSpan.FromMinutes(2));

            using (var create = new HttpRequestMessage(HttpMethod.Post, "/v1.0/customers") { Content = Json(new JsonObject { ["name"] = "Benchmark Dialers" }) })
            {
                create.Headers.Authorization = new AuthenticationHeaderValue("Bearer", AdminKey);
                using var created = await _http.SendAsync(create);
                var token = JsonNode.Parse(await created.Content.ReadAsStringAsync())!["accesskey"]!["token"]!.GetValue<string>();
                _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            }

            var regions = JsonNode.Parse(await _http.GetStringAsync("/ani-planner/regions?country=us"))!["data"]!.AsArray();
            AreaCodes = [.. regions.Where(region => region!["state"]!.GetValue<string>() != "TF")
                .SelectMany(region => region!["areaCodes"]!.AsArray().Select(code => code!.GetValue<string>()))
                .Take(areaCodes)];
            foreach (var campaign in Campaigns)
            {
                await SendAsync(HttpMethod.Put, $"/ani-planner/campaigns/{campaign}", new JsonObject { ["name"] = campaign, ["campaignType"] = "outbound" });
            }

            // Spread over the area codes, 555-0000 upwards in each: distinct while fewer than 10,000 per code.
            Anis = [.. Enumerable.Range(0, anis).Select(index => $"+1{AreaCodes[index % AreaCodes.Count]}555{index / AreaCodes.Count:D4}")];
            foreach (var chunk in Anis.Chunk(10_000))
            {
                await SendAsync(HttpMethod.Post, "/ani-planner/anis",
                    new JsonArray([.. chunk.Select(number => (JsonNode)new JsonObject { ["number"] = number, ["status"] = "active", ["managed"] = true })]));
            }
        }

        /// <summary>One NDJSON request of dials first..first+count-1; answers its time, after checking every one was accepted.</summary>
        public async Task<TimeSpan> ImportAsync(SyntheticDials dials, long first, long count)
        {
            var started = Stopwatch.GetTimestamp();
            using var response = await _http.PostAsync("/ani-planner/dials", new NdjsonDialContent(dials, first, count));
            var answer = await response.Content.ReadAsStringAsync();
            var elapsed = Stopwatch.GetElapsedTime(started);
            if (response.StatusCode != HttpStatusCode.OK || JsonNode.Parse(answer)!["data"]!["accepted"]!.GetValue<long>() != count)
            {
                throw new InvalidOperationException($"import answered {(int)response.StatusCode}: {answer[..Math.Min(answer.Length, 2000)]}");
            }

            return elapsed;
        }

        /// <summary>
        /// Calls before the timed ones: the first checkpoint is the first time the service plans at
        /// all, and the JIT recompiles a method optimised only after 30 calls, so fewer would time
        /// the service warming up rather than serving.
        /// </summary>
        private const int UntimedGenerateCalls = 50;

        public async Task<(double P50, double P95)> TimeGenerateAsync(DateOnly from, DateOnly to, int runs)
        {
            var body = new JsonObject
            {
                ["dateStart"] = from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ["dateEnd"] = to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            }.ToJsonString();
            var timings = new List<double>();
            for (var run = -UntimedGenerateCalls; run < runs; run++)
            {
                var started = Stopwatch.GetTimestamp();
                using var response = await _http.PostAsync("/ani-planner/generate", new StringContent(body, Encoding.UTF8, "application/json"));
                _ = await response.Content.ReadAsByteArrayAsync();
                var elapsed = Stopwatch.GetElapsedTime(started);
                response.EnsureSuccessStatusCode();
                if (run >= 0)
                {
                    timings.Add(elapsed.TotalMilliseconds);
                }
            }

            timings.Sort();
            return (timings[timings.Count / 2], timings[(int)Math.Ceiling(timings.Count * 0.95) - 1]);
        }

        /// <summary>
        /// The health of every ANI over the range, its first page as the dashboard asks it; untimed
        /// calls first, as for generate. The service keeps answers until the company's data changes:
        /// <paramref name="cold"/> asks each call with another target, so none is answered from them.
        /// </summary>
        public async Task<(double P50, double P95)> TimeUsageAsync(DateOnly from, DateOnly to, int runs, bool cold)
        {
            var timings = new List<double>();
            for (var run = -UntimedGenerateCalls; run < runs; run++)
            {
                var target = cold ? 1000 + run + UntimedGenerateCalls : 75;
                var url = $"/ani-planner/anis/usage?dateStart={from:yyyy-MM-dd}&dateEnd={to:yyyy-MM-dd}&dailyDialsTarget={target}";
                var started = Stopwatch.GetTimestamp();
                using var response = await _http.GetAsync(url);
                _ = await response.Content.ReadAsByteArrayAsync();
                var elapsed = Stopwatch.GetElapsedTime(started);
                response.EnsureSuccessStatusCode();
                if (run >= 0)
                {
                    timings.Add(elapsed.TotalMilliseconds);
                }
            }

            timings.Sort();
            return (timings[timings.Count / 2], timings[(int)Math.Ceiling(timings.Count * 0.95) - 1]);
        }

        private async Task SendAsync(HttpMethod method, string url, JsonNode body)
        {
            using var response = await _http.SendAsync(new HttpRequestMessage(method, url) { Content = Json(body) });
            if (!response.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"{method} {url} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            }
        }

        private static StringContent Json(JsonNode body) => new(body.ToJsonString(), Encoding.UTF8, "application/json");

        public async ValueTask DisposeAsync()
        {
            _http.Dispose();
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }

            _process.Dispose();
        }
    }
}

internal sealed record VolumeOptions(
    long Dials, long Batch, long Checkpoint, int Days, int AreaCodes, int GenerateRuns, int ScanRuns, IReadOnlyList<string> Shapes, bool PostgreSql, bool Keep = false, string? PostgreSqlAt = null,
    int Anis = 5000)
{
    public static VolumeOptions? Parse(string[] args)
    {
        var options = new VolumeOptions(10_000_000, 100_000, 1_000_000, 60, 300, 50, 3, ["batched", "single"], false);
        for (var index = 0; index < args.Length; index++)
        {
            string Next() => index + 1 < args.Length ? args[++index] : throw new ArgumentException($"{args[index]} needs a value");
            options = args[index] switch
            {
                "--dials" => options with { Dials = long.Parse(Next(), CultureInfo.InvariantCulture) },
                "--batch" => options with { Batch = long.Parse(Next(), CultureInfo.InvariantCulture) },
                "--checkpoint" => options with { Checkpoint = long.Parse(Next(), CultureInfo.InvariantCulture) },
                "--days" => options with { Days = int.Parse(Next(), CultureInfo.InvariantCulture) },
                "--area-codes" => options with { AreaCodes = int.Parse(Next(), CultureInfo.InvariantCulture) },
                "--anis" => options with { Anis = int.Parse(Next(), CultureInfo.InvariantCulture) },
                "--generate-runs" => options with { GenerateRuns = int.Parse(Next(), CultureInfo.InvariantCulture) },
                "--scan-runs" => options with { ScanRuns = int.Parse(Next(), CultureInfo.InvariantCulture) },
                "--shapes" => options with { Shapes = Next().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) },
                "--postgres" => options with { PostgreSql = true },
                "--keep" => options with { Keep = true },
                "--postgres-at" => options with { PostgreSql = true, PostgreSqlAt = Next() },
                _ => null,
            };
            if (options is null)
            {
                return null;
            }
        }

        return options.Shapes.All(shape => shape is "batched" or "single") && options.Batch > 0 && options.Dials > 0
            && options.Anis > 0 && options.Anis <= options.AreaCodes * 10_000 ? options : null;
    }
}
