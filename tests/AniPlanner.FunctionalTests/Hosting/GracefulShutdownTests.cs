using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using AniPlanner.FunctionalTests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace AniPlanner.FunctionalTests.Hosting;

/// <summary>
/// SIGTERM with a dial import in flight, against the real server (Kestrel, its own process):
/// the service waits out its grace period, then the unfinished import is rolled back whole.
/// </summary>
public sealed class GracefulShutdownTests
{
    private const string AdminKey = "shutdown-admin-key-0123456789abcdef";

    [Test]
    public async Task A_stalled_import_is_rolled_back_when_the_service_stops()
    {
        if (!OperatingSystem.IsLinux())
        {
            Assert.Ignore("Sends SIGTERM with kill(1): Linux only.");
        }

        var api = RepositoryPaths.BuiltApi;
        Assert.That(File.Exists(api), Is.True, $"{api} is built with the solution");
        var directory = Directory.CreateTempSubdirectory("aniplanner-shutdown-").FullName;
        var database = Path.Combine(directory, "shutdown.db");
        var url = $"http://127.0.0.1:{5900 + Random.Shared.Next(90)}";
        var start = new ProcessStartInfo("dotnet", [api, "--urls", url]) { WorkingDirectory = Path.GetDirectoryName(api)!, RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ConnectionStrings__AniPlanner"] = $"Data Source={database}";
        start.Environment["Admin__ApiKey"] = AdminKey;
        start.Environment["Auth__JwtSigningKey"] = new string('s', 40);
        start.Environment["Hosting__ShutdownTimeoutSeconds"] = "2";
        using var server = Process.Start(start)!;
        var output = new System.Collections.Concurrent.ConcurrentQueue<string>();
        server.OutputDataReceived += (_, line) =>
        {
            if (line.Data is not null)
            {
                output.Enqueue(line.Data);
            }
        };
        server.ErrorDataReceived += (_, _) => { };
        server.BeginOutputReadLine();
        server.BeginErrorReadLine();
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri(url) };
            await WaitUntilReadyAsync(http);
            var token = await ServiceArrangements.CustomerWithCampaignAsync(http, AdminKey, "Shutdown Co");
            var body = new StallingCsv();
            using var import = new HttpRequestMessage(HttpMethod.Post, "/ani-planner/dials") { Content = body };
            import.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            var sending = http.SendAsync(import);
            await body.RowsWritten.WaitAsync(TimeSpan.FromSeconds(30));
            await Task.Delay(500);

            using (var kill = Process.Start("kill", ["-TERM", server.Id.ToString(CultureInfo.InvariantCulture)]))
            {
                await kill!.WaitForExitAsync();
            }

            using var stopped = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await server.WaitForExitAsync(stopped.Token);
            Assert.That(server.ExitCode, Is.Zero, "a graceful stop");
            body.Release();
            Assert.CatchAsync<Exception>(async () => (await sending).EnsureSuccessStatusCode(), "the stalled import did not succeed");

            await using var connection = new SqliteConnection($"Data Source={database}");
            await connection.OpenAsync();
            await using var count = connection.CreateCommand();
            count.CommandText = "SELECT COUNT(*) FROM Dials";
            Assert.That(Convert.ToInt64(await count.ExecuteScalarAsync(), CultureInfo.InvariantCulture), Is.Zero, "nothing half-written");

            // Production logs: JSON lines; a request's lines carry its request id.
            var logs = output.Select(line => JsonNode.Parse(line)!).ToList();
            var requestLog = logs.FirstOrDefault(entry => entry["Message"]?.GetValue<string>().StartsWith("POST /v1.0/customers answered 200", StringComparison.Ordinal) == true);
            Assert.That(requestLog, Is.Not.Null, string.Join("\n", output));
            Assert.That(requestLog!["Scopes"]!.AsArray().Any(scope => scope?["RequestId"] is not null), Is.True, requestLog.ToJsonString());

            // Where it runs, on what, and where it listens (once Kestrel has bound the address).
            var messages = logs.Select(entry => entry["Message"]?.GetValue<string>()).ToList();
            Assert.That(messages, Has.Member("Starting in the Production environment on the Sqlite database").And.Member($"Listening on {url}"));

            // Each Timestamp is an ISO-8601 UTC instant and nothing else (no padding around it).
            Assert.That(logs.Select(entry => entry["Timestamp"]?.GetValue<string>()), Has.All.Matches<string?>(timestamp =>
                DateTime.TryParseExact(timestamp, "yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _)));
        }
        finally
        {
            if (!server.HasExited)
            {
                server.Kill(entireProcessTree: true);
            }

            SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    private static async Task WaitUntilReadyAsync(HttpClient http)
    {
        for (var attempt = 0; attempt < 120; attempt++)
        {
            try
            {
                if ((await http.GetAsync("/health/ready")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(250);
        }

        Assert.Fail("the service did not become ready");
    }

    /// <summary>A CSV body that sends 2,000 rows and then hangs, like a client that stalls.</summary>
    private sealed class StallingCsv : HttpContent
    {
        private readonly TaskCompletionSource _written = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly CancellationTokenSource _stall = new(TimeSpan.FromSeconds(60));

        public StallingCsv() => Headers.ContentType = new MediaTypeHeaderValue("text/csv");

        public Task RowsWritten => _written.Task;

        /// <summary>Ends the stall (the client gives up).</summary>
        public void Release() => _stall.Cancel();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _stall.Dispose();
            }

            base.Dispose(disposing);
        }

        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => SerializeToStreamAsync(stream, context, CancellationToken.None);

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
        {
            var text = new StringBuilder("callId,campaign,dialedAt,prospectNumber,aniNumber,contacted\n");
            for (var row = 0; row < 2_000; row++)
            {
                text.Append($"stall-{row:D6},out,2026-05-04T10:00:00-07:00,+12135550123,+12135550100,false\n");
            }

            await stream.WriteAsync(Encoding.UTF8.GetBytes(text.ToString()), cancellationToken);
            await stream.FlushAsync(cancellationToken);
            _written.TrySetResult();
            using var stalled = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _stall.Token);
            await Task.Delay(Timeout.Infinite, stalled.Token);
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
