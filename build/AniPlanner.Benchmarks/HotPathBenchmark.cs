using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

/// <summary>
/// The authenticated hot path against its yardstick: GET /v1.0/outplans/{id} on the service (Release,
/// Production, a fresh SQLite file) and the same primary-key read on the anchor (bare MVC and EF Core on
/// the same file), taken in turns at a fixed concurrency, so both see the same machine.
/// </summary>
internal static class HotPathBenchmark
{
    private const string AdminKey = "bench-admin-key-0123456789abcdef";

    public static async Task<int> RunAsync(string repository, string[] args)
    {
        var options = HotPathOptions.Parse(args);
        if (options is null)
        {
            Console.WriteLine("""
                usage: dotnet run -c Release --project build/AniPlanner.Benchmarks -- hot-path [options]
                  --connections N  concurrent requests (default 32)
                  --warmup S       seconds of warm-up per endpoint (default 15: the service has more code to compile, and 5 s left its first round at a third of its rate)
                  --rounds N       alternating measured rounds (default 5)
                  --seconds S      seconds per endpoint per round (default 5)
                """);
            return 0;
        }

        var api = Path.Combine(repository, "src", "Api", "bin", "Release", "net10.0", "AniPlanner.Api.dll");
        var anchor = Path.Combine(repository, "build", "AniPlanner.Benchmarks.Anchor", "bin", "Release", "net10.0", "AniPlanner.Benchmarks.Anchor.dll");
        foreach (var assembly in (string[])[api, anchor])
        {
            if (!File.Exists(assembly))
            {
                Console.Error.WriteLine($"Build first: dotnet build -c Release build/AniPlanner.Benchmarks ({assembly} is missing)");
                return 1;
            }
        }

        var workDirectory = Directory.CreateTempSubdirectory("aniplanner-hotpath-").FullName;
        var connectionString = $"Data Source={Path.Combine(workDirectory, "bench.db")}";
        var servicePort = 5900 + Random.Shared.Next(50);
        var anchorPort = servicePort + 50;
        Process? service = null;
        Process? anchorServer = null;
        try
        {
            service = Start(api, servicePort, new()
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["Database__Provider"] = "Sqlite",
                ["ConnectionStrings__AniPlanner"] = connectionString,
                ["Admin__ApiKey"] = AdminKey,
                ["Auth__JwtSigningKey"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(48)),
                ["RateLimiting__RequestsPerMinute"] = "100000000",
                ["Seed__Demo"] = "false",
                ["Logging__LogLevel__Default"] = "Warning",
            });
            using var setup = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{servicePort}") };
            await ServiceProcess.WaitUntilAnsweringAsync(setup, "/health", service, TimeSpan.FromMinutes(1));
            var (token, outplanId) = await SeedAsync(setup);

            // Started once the service has migrated the file, so the anchor reads the same table.
            anchorServer = Start(anchor, anchorPort, new() { ["ConnectionStrings__AniPlanner"] = connectionString });
            var targets = new[]
            {
                new Target("service", new Uri($"http://127.0.0.1:{servicePort}/v1.0/outplans/{outplanId}"), token, service),
                new Target("anchor", new Uri($"http://127.0.0.1:{anchorPort}/v1.0/outplans/{outplanId}"), null, anchorServer),
            };
            using var probe = new HttpClient();
            await ServiceProcess.WaitUntilAnsweringAsync(probe, targets[1].Url.ToString(), anchorServer, TimeSpan.FromMinutes(1));

            Console.WriteLine($"GET /v1.0/outplans/{{id}}: {options.Connections} connections, {options.WarmupSeconds} s warm-up each, {options.Rounds} rounds of {options.Seconds} s each, alternating");
            foreach (var target in targets)
            {
                await LoadAsync(target, options.Connections, TimeSpan.FromSeconds(options.WarmupSeconds));
            }

            var totals = targets.ToDictionary(target => target.Name, _ => new List<Measurement>());
            for (var round = 1; round <= options.Rounds; round++)
            {
                // Each round swaps which goes first, so neither always follows the other's after-effects.
                foreach (var target in round % 2 == 1 ? targets : targets.Reverse())
                {
                    var measurement = await LoadAsync(target, options.Connections, TimeSpan.FromSeconds(options.Seconds));
                    totals[target.Name].Add(measurement);
                    Console.WriteLine($"round {round}: {target.Name,-8} {measurement}");
                }
            }

            var serviceTotal = Measurement.Combine(totals["service"]);
            var anchorTotal = Measurement.Combine(totals["anchor"]);
            Console.WriteLine();
            Console.WriteLine($"service: {serviceTotal}");
            Console.WriteLine($"anchor:  {anchorTotal}");
            Console.WriteLine($"service/anchor: {serviceTotal.RequestsPerSecond / anchorTotal.RequestsPerSecond:P0} of the anchor's req/s   (target >= 80 %, service p99 < 10 ms)");
            // Less noisy than req/s on a shared machine: what each server process spent per answer.
            Console.WriteLine($"CPU per request: service {serviceTotal.CpuMicrosecondsPerRequest:N0} us, anchor {anchorTotal.CpuMicrosecondsPerRequest:N0} us ({anchorTotal.CpuMicrosecondsPerRequest / serviceTotal.CpuMicrosecondsPerRequest:P0})");
            return 0;
        }
        finally
        {
            foreach (var process in new[] { anchorServer, service })
            {
                if (process is not null)
                {
                    process.Kill(entireProcessTree: true);
                    await process.WaitForExitAsync();
                    process.Dispose();
                }
            }

            Directory.Delete(workDirectory, recursive: true);
        }
    }

    private static Process Start(string assembly, int port, Dictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("dotnet", [assembly, "--urls", $"http://127.0.0.1:{port}"])
        {
            WorkingDirectory = Path.GetDirectoryName(assembly)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (variable, value) in environment)
        {
            start.Environment[variable] = value;
        }

        var process = Process.Start(start)!;
        var name = Path.GetFileNameWithoutExtension(assembly);
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, line) => { if (line.Data is not null) { Console.Error.WriteLine($"[{name}] {line.Data}"); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    /// <summary>A customer (its first access key is the credential) with one outplan.</summary>
    private static async Task<(string Token, string OutplanId)> SeedAsync(HttpClient http)
    {
        var customer = await PostAsync(http, "/v1.0/customers", AdminKey, new JsonObject { ["name"] = "Benchmark Dialers" });
        var token = customer["accesskey"]!["token"]!.GetValue<string>();
        var outplan = await PostAsync(http, "/v1.0/outplans", token, new JsonObject
        {
            ["name"] = "bench outplan",
            ["source"] = new JsonObject { ["type"] = "tel", ["target"] = "+15559876543" },
            ["dial_timeout"] = 30000,
            ["try_interval"] = 600000,
        });
        return (token, outplan["id"]!.GetValue<string>());
    }

    private static async Task<JsonNode> PostAsync(HttpClient http, string path, string token, JsonObject body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request);
        var answer = await response.Content.ReadAsStringAsync();
        return response.IsSuccessStatusCode ? JsonNode.Parse(answer)! : throw new InvalidOperationException($"POST {path} answered {(int)response.StatusCode}: {answer}");
    }

    /// <summary>Keeps <paramref name="connections"/> requests in flight for the duration; every answer must be a 200.</summary>
    private static async Task<Measurement> LoadAsync(Target target, int connections, TimeSpan duration)
    {
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = connections, UseCookies = false });
        if (target.Token is not null)
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", target.Token);
        }

        var latencies = new List<double>[connections];
        target.Server.Refresh();
        var cpuBefore = target.Server.TotalProcessorTime;
        var started = Stopwatch.GetTimestamp();
        var deadline = started + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        await Task.WhenAll(Enumerable.Range(0, connections).Select(worker => Task.Run(async () =>
        {
            var mine = latencies[worker] = new List<double>(100_000);
            while (Stopwatch.GetTimestamp() < deadline)
            {
                var sent = Stopwatch.GetTimestamp();
                using var response = await http.GetAsync(target.Url, HttpCompletionOption.ResponseContentRead);
                if (!response.IsSuccessStatusCode)
                {
                    throw new InvalidOperationException($"{target.Name} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
                }

                mine.Add(Stopwatch.GetElapsedTime(sent).TotalMilliseconds);
            }
        })));
        var elapsed = Stopwatch.GetElapsedTime(started);
        target.Server.Refresh();
        return new Measurement([.. latencies.SelectMany(list => list)], elapsed, target.Server.TotalProcessorTime - cpuBefore);
    }

    /// <summary>An endpoint and the process that answers it (whose CPU time is measured).</summary>
    private sealed record Target(string Name, Uri Url, string? Token, Process Server);

    private sealed record Measurement(double[] LatenciesMs, TimeSpan Elapsed, TimeSpan ServerCpu)
    {
        public double RequestsPerSecond => LatenciesMs.Length / Elapsed.TotalSeconds;

        public double CpuMicrosecondsPerRequest => ServerCpu.TotalMicroseconds / Math.Max(1, LatenciesMs.Length);

        public static Measurement Combine(IReadOnlyList<Measurement> measurements) =>
            new([.. measurements.SelectMany(measurement => measurement.LatenciesMs)],
                TimeSpan.FromTicks(measurements.Sum(measurement => measurement.Elapsed.Ticks)),
                TimeSpan.FromTicks(measurements.Sum(measurement => measurement.ServerCpu.Ticks)));

        public override string ToString()
        {
            var sorted = LatenciesMs.Order().ToArray();
            double Percentile(double fraction) => sorted[Math.Max(0, (int)Math.Ceiling(sorted.Length * fraction) - 1)];
            return string.Create(CultureInfo.InvariantCulture,
                $"{RequestsPerSecond,8:N0} req/s, p50 {Percentile(0.50),6:F2} ms, p99 {Percentile(0.99),6:F2} ms, {CpuMicrosecondsPerRequest,4:N0} us CPU/request ({sorted.Length:N0} requests)");
        }
    }

    private sealed record HotPathOptions(int Connections, int WarmupSeconds, int Rounds, int Seconds)
    {
        public static HotPathOptions? Parse(string[] args)
        {
            HotPathOptions? options = new(32, 15, 5, 5);
            for (var index = 0; index < args.Length && options is not null; index++)
            {
                int Next() => index + 1 < args.Length ? int.Parse(args[++index], CultureInfo.InvariantCulture) : throw new ArgumentException($"{args[index]} needs a value");
                options = args[index] switch
                {
                    "--connections" => options with { Connections = Next() },
                    "--warmup" => options with { WarmupSeconds = Next() },
                    "--rounds" => options with { Rounds = Next() },
                    "--seconds" => options with { Seconds = Next() },
                    _ => null,
                };
            }

            return options;
        }
    }
}
