using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

if (args is ["hot-path", .. var hotPathArgs])
{
    return await HotPathBenchmark.RunAsync(FindRepository(), hotPathArgs);
}

if (args is ["volume", .. var volumeArgs])
{
    return await VolumeBenchmark.RunAsync(FindRepository(), volumeArgs);
}

// The ANI Planner at volume: ingest N dials through the HTTP endpoint into a fresh SQLite
// database (or an empty PostgreSQL one), then time generate. The service runs as its own process (Release build, Kestrel on
// loopback), so its resident memory is measured on its own. Prints figures; never fails on them.
var options = BenchmarkOptions.Parse(args);
if (options is null)
{
    Console.WriteLine("""
        usage: dotnet run -c Release --project build/AniPlanner.Benchmarks -- [hot-path] [options]
          hot-path           the authenticated GET /v1.0/outplans/{id} against a bare anchor (hot-path --help)
          volume             issue 12: ingest and generate at 10 M dials beside raw-insert and naive-scan anchors (volume --help)
          --dials N          dials to ingest (default 10000000)
          --days N           days they spread over, ending yesterday (default 60)
          --area-codes N     distinct prospect area codes (default 300)
          --requests N       import requests the dials are split into (default 10)
          --generate-runs N  timed generate calls per checkpoint (default 30)
          --keep             keep the database afterwards
          --postgres CS      run on PostgreSQL, in the empty database this connection string names
        """);
    return 0;
}

var repository = FindRepository();
var api = Path.Combine(repository, "src", "Api", "bin", "Release", "net10.0", "AniPlanner.Api.dll");
if (!File.Exists(api))
{
    Console.Error.WriteLine($"Build the service first: dotnet build -c Release src/Api ({api} is missing)");
    return 1;
}

var workDirectory = Directory.CreateTempSubdirectory("aniplanner-bench-").FullName;
var database = Path.Combine(workDirectory, "bench.db");
var port = 5600 + Random.Shared.Next(300);
var baseUrl = $"http://127.0.0.1:{port}";
const string adminKey = "bench-admin-key-0123456789abcdef";

using var server = ServiceProcess.Start(api, baseUrl, options.PostgreSql ?? $"Data Source={database}", options.PostgreSql is null ? "Sqlite" : "PostgreSql", adminKey);
using var http = new HttpClient { BaseAddress = new Uri(baseUrl), Timeout = Timeout.InfiniteTimeSpan };
try
{
    await ServiceProcess.WaitUntilAnsweringAsync(http, "/health", server, TimeSpan.FromMinutes(1));
    Console.WriteLine($"service pid {server.Id}, database {(options.PostgreSql is null ? database : "PostgreSQL")}");
    var token = await CreateCustomerAsync(http, adminKey);
    http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

    var areaCodes = await AreaCodesAsync(http, options.AreaCodes);
    string[] campaigns = ["bench-west", "bench-east", "bench-autodial"];
    foreach (var campaign in campaigns)
    {
        await SendJsonAsync(http, HttpMethod.Put, $"/ani-planner/campaigns/{campaign}", new JsonObject { ["name"] = campaign, ["campaignType"] = "outbound" });
    }

    var anis = areaCodes.Take(100).Select((code, index) => $"+1{code}555{index:D4}").ToArray();
    await SendJsonAsync(http, HttpMethod.Post, "/ani-planner/anis",
        new JsonArray([.. anis.Select(number => (JsonNode)new JsonObject { ["number"] = number, ["status"] = "active", ["managed"] = true })]));

    var yesterday = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1);
    var firstDay = yesterday.AddDays(1 - options.Days);
    var generateBody = new JsonObject { ["dateStart"] = yesterday.AddDays(-29).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ["dateEnd"] = yesterday.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) };
    Console.WriteLine($"{options.Dials:N0} dials over {options.Days} days ({firstDay:yyyy-MM-dd}..{yesterday:yyyy-MM-dd}), {areaCodes.Count} area codes, {campaigns.Length} campaigns, {options.Requests} requests");
    Console.WriteLine();

    var memory = new ResidentMemorySampler(server.Id);
    var perRequest = (options.Dials + options.Requests - 1) / options.Requests;
    long sent = 0;
    var ingestTime = TimeSpan.Zero;
    var checkpoints = new List<(long Dials, double P50, double P95)>();
    for (var request = 0; request < options.Requests && sent < options.Dials; request++)
    {
        var count = Math.Min(perRequest, options.Dials - sent);
        var body = new DialCsvContent(sent, count, areaCodes, anis, campaigns, firstDay, options.Days);
        var started = Stopwatch.GetTimestamp();
        using var response = await http.PostAsync("/ani-planner/dials", body);
        var elapsed = Stopwatch.GetElapsedTime(started);
        var answer = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"import answered {(int)response.StatusCode}: {answer}");
        }

        var accepted = JsonNode.Parse(answer)!["data"]!["accepted"]!.GetValue<long>();
        sent += count;
        ingestTime += elapsed;
        Console.WriteLine($"import {request + 1,2}: {count,10:N0} dials in {elapsed.TotalSeconds,6:F1} s = {count / elapsed.TotalSeconds,9:N0} dials/s (accepted {accepted:N0}), service RSS now {memory.CurrentMb,5:N0} MB");

        if (request == 0 || sent >= options.Dials)
        {
            var (p50, p95) = await TimeGenerateAsync(http, generateBody, options.GenerateRuns);
            checkpoints.Add((sent, p50, p95));
            Console.WriteLine($"  generate at {sent,10:N0} dials: p50 {p50,6:F1} ms, p95 {p95,6:F1} ms ({options.GenerateRuns} runs)");
        }
    }

    memory.Stop();
    Console.WriteLine();
    Console.WriteLine("== summary ==");
    Console.WriteLine($"ingest:   {sent:N0} dials in {ingestTime.TotalSeconds:F1} s = {sent / ingestTime.TotalSeconds:N0} dials/s   (target >= 100,000 dials/s)");
    Console.WriteLine($"memory:   service peak RSS {memory.PeakMb:N0} MB during ingest                 (target < 300 MB): {memory.PeakMakeUp}");
    foreach (var (dials, p50, p95) in checkpoints)
    {
        Console.WriteLine($"generate: p50 {p50:F1} ms, p95 {p95:F1} ms at {dials:N0} dials             (target p50 < 50 ms)");
    }

    if (options.PostgreSql is null)
    {
        Console.WriteLine($"database: {new FileInfo(database).Length / 1024.0 / 1024:N0} MB");
    }

    return 0;
}
finally
{
    server.Kill(entireProcessTree: true);
    await server.WaitForExitAsync();
    if (!options.Keep)
    {
        Directory.Delete(workDirectory, recursive: true);
    }
}

static string FindRepository()
{
    for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
    {
        if (File.Exists(Path.Combine(directory.FullName, "AniPlanner.sln")))
        {
            return directory.FullName;
        }
    }

    throw new InvalidOperationException("Run the benchmark from inside the repository.");
}

static async Task<string> CreateCustomerAsync(HttpClient http, string adminKey)
{
    using var request = new HttpRequestMessage(HttpMethod.Post, "/v1.0/customers") { Content = JsonContent(new JsonObject { ["name"] = "Benchmark Dialers" }) };
    request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", adminKey);
    using var response = await http.SendAsync(request);
    var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    return body["accesskey"]!["token"]!.GetValue<string>();
}

static async Task<List<string>> AreaCodesAsync(HttpClient http, int count)
{
    var regions = JsonNode.Parse(await http.GetStringAsync("/ani-planner/regions?country=us"))!["data"]!.AsArray();
    return [.. regions.Where(region => region!["state"]!.GetValue<string>() != "TF")
        .SelectMany(region => region!["areaCodes"]!.AsArray().Select(code => code!.GetValue<string>()))
        .Take(count)];
}

static async Task SendJsonAsync(HttpClient http, HttpMethod method, string url, JsonNode body)
{
    using var response = await http.SendAsync(new HttpRequestMessage(method, url) { Content = JsonContent(body) });
    if (!response.IsSuccessStatusCode)
    {
        throw new InvalidOperationException($"{method} {url} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }
}

static async Task<(double P50, double P95)> TimeGenerateAsync(HttpClient http, JsonObject body, int runs)
{
    var timings = new List<double>();
    for (var run = -3; run < runs; run++)
    {
        var started = Stopwatch.GetTimestamp();
        using var response = await http.PostAsync("/ani-planner/generate", JsonContent(body));
        _ = await response.Content.ReadAsByteArrayAsync();
        response.EnsureSuccessStatusCode();
        if (run >= 0)
        {
            timings.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
    }

    timings.Sort();
    return (timings[timings.Count / 2], timings[(int)Math.Ceiling(timings.Count * 0.95) - 1]);
}

static StringContent JsonContent(JsonNode body) => new(body.ToJsonString(), Encoding.UTF8, "application/json");

internal sealed record BenchmarkOptions(long Dials, int Days, int AreaCodes, int Requests, int GenerateRuns, bool Keep, string? PostgreSql = null)
{
    public static BenchmarkOptions? Parse(string[] args)
    {
        var options = new BenchmarkOptions(10_000_000, 60, 300, 10, 30, false);
        for (var index = 0; index < args.Length; index++)
        {
            string Next() => index + 1 < args.Length ? args[++index] : throw new ArgumentException($"{args[index]} needs a value");
            options = args[index] switch
            {
                "--dials" => options with { Dials = long.Parse(Next(), CultureInfo.InvariantCulture) },
                "--days" => options with { Days = int.Parse(Next(), CultureInfo.InvariantCulture) },
                "--area-codes" => options with { AreaCodes = int.Parse(Next(), CultureInfo.InvariantCulture) },
                "--requests" => options with { Requests = int.Parse(Next(), CultureInfo.InvariantCulture) },
                "--generate-runs" => options with { GenerateRuns = int.Parse(Next(), CultureInfo.InvariantCulture) },
                "--keep" => options with { Keep = true },
                "--postgres" => options with { PostgreSql = Next() },
                _ => null,
            };
            if (options is null)
            {
                return null;
            }
        }

        return options;
    }
}

/// <summary>A CSV body of synthetic dials, written as it is sent: the client holds none of it.</summary>
internal sealed class DialCsvContent : HttpContent
{
    private readonly long _first;
    private readonly long _count;
    private readonly IReadOnlyList<string> _areaCodes;
    private readonly IReadOnlyList<string> _anis;
    private readonly IReadOnlyList<string> _campaigns;
    private readonly DateOnly _firstDay;
    private readonly int _days;

    public DialCsvContent(long first, long count, IReadOnlyList<string> areaCodes, IReadOnlyList<string> anis, IReadOnlyList<string> campaigns, DateOnly firstDay, int days)
    {
        (_first, _count, _areaCodes, _anis, _campaigns, _firstDay, _days) = (first, count, areaCodes, anis, campaigns, firstDay, days);
        Headers.ContentType = new MediaTypeHeaderValue("text/csv");
    }

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
    {
        var random = new Random((int)(_first % int.MaxValue));
        var writer = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16);
        await writer.WriteAsync("callId,campaign,dialedAt,prospectNumber,aniNumber,prospectZip,contacted\n");
        var line = new StringBuilder(160);
        for (var index = _first; index < _first + _count; index++)
        {
            var day = _firstDay.AddDays((int)(index % _days));
            line.Clear()
                .Append("call-").Append(index.ToString("D10", CultureInfo.InvariantCulture)).Append(',')
                .Append(_campaigns[random.Next(_campaigns.Count)]).Append(',')
                .Append(day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append('T')
                .Append((9 + random.Next(9)).ToString("D2", CultureInfo.InvariantCulture)).Append(':')
                .Append(random.Next(60).ToString("D2", CultureInfo.InvariantCulture)).Append(":00-05:00,+1")
                .Append(_areaCodes[random.Next(_areaCodes.Count)]).Append(random.Next(200, 1000)).Append(random.Next(10_000).ToString("D4", CultureInfo.InvariantCulture)).Append(',')
                .Append(_anis[random.Next(_anis.Count)]).Append(',')
                .Append(random.Next(10) < 7 ? "90001" : "").Append(',')
                .Append(random.Next(100) < 27 ? "true" : "false").Append('\n');
            await writer.WriteAsync(line);
        }

        await writer.FlushAsync();
    }

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }
}

/// <summary>Samples a process's resident set (VmRSS) from /proc every 100 ms.</summary>
internal sealed class ResidentMemorySampler
{
    private readonly int _pid;
    private readonly CancellationTokenSource _stop = new();

    public ResidentMemorySampler(int pid)
    {
        _pid = pid;
        _ = Task.Run(async () =>
        {
            while (!_stop.IsCancellationRequested)
            {
                var now = Read();
                if (now.TryGetValue("VmRSS", out var rss) && rss > PeakMb)
                {
                    PeakMb = rss;
                    PeakMakeUp = $"anonymous {now.GetValueOrDefault("RssAnon"):N0} MB (GC heap, native allocations), files {now.GetValueOrDefault("RssFile"):N0} MB (mapped assemblies, ICU data)";
                }

                await Task.Delay(100);
            }
        });
    }

    public double PeakMb { get; private set; }

    /// <summary>What the peak was made of, as the kernel counts it.</summary>
    public string PeakMakeUp { get; private set; } = "";

    public double CurrentMb => Read().GetValueOrDefault("VmRSS");

    /// <summary>The resident-memory lines of /proc/PID/status, in MB.</summary>
    private Dictionary<string, double> Read()
    {
        try
        {
            return File.ReadLines($"/proc/{_pid}/status")
                .Where(line => line.StartsWith("VmRSS:", StringComparison.Ordinal) || line.StartsWith("Rss", StringComparison.Ordinal))
                .Select(line => line.Split([':', ' ', '\t'], StringSplitOptions.RemoveEmptyEntries))
                .ToDictionary(fields => fields[0], fields => double.Parse(fields[1], CultureInfo.InvariantCulture) / 1024);
        }
        catch (IOException)
        {
            return [];
        }
    }

    public void Stop() => _stop.Cancel();
}
