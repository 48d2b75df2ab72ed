using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using AniPlanner.FunctionalTests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace AniPlanner.FunctionalTests.Hosting;

/// <summary>
/// SIGTERM with a dial import in flight, against the real server (Kestrel, its own process):
/// the service waits out its grace period, then the unfinished import is rolled back whole and
/// answered 503 (Retry-After, the envelope, the connection closed after it), not cut off bare.
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
            using var import = await StalledImport.StartAsync(new Uri(url), token);
            await Task.Delay(1000);

            using (var kill = Process.Start("kill", ["-TERM", server.Id.ToString(CultureInfo.InvariantCulture)]))
            {
                await kill!.WaitForExitAsync();
            }

            var (status, headers, answer) = await import.ReadAnswerAsync(TimeSpan.FromSeconds(30));
            using var stopped = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await server.WaitForExitAsync(stopped.Token);
            Assert.That(server.ExitCode, Is.Zero, "a graceful stop");
            Assert.That(status, Is.EqualTo("HTTP/1.1 503 Service Unavailable"), answer);
            Assert.That(headers, Does.Contain("Retry-After: 5").And.Contain("Connection: close").And.Contain("Content-Type: application/json"));
            var envelope = JsonNode.Parse(answer)!;
            Assert.That(envelope["success"]!.GetValue<bool>(), Is.False);
            Assert.That(envelope["message"]!.GetValue<string>(), Does.Contain("shutting down").And.Contain("Send it again"));

            await using var connection = new SqliteConnection($"Data Source={database}");
            await connection.OpenAsync();
            await using var count = connection.CreateCommand();
            count.CommandText = "SELECT COUNT(*) FROM Dials";
            Assert.That(Convert.ToInt64(await count.ExecuteScalarAsync(), CultureInfo.InvariantCulture), Is.Zero, "nothing half-written");

            // Production logs: JSON lines; a request's lines carry its request id.
            var logs = output.Select(line => JsonNode.Parse(line)!).ToList();
            Assert.That(logs, Has.Some.Matches<JsonNode>(entry => entry["Message"]?.GetValue<string>()
                .Contains("POST /ani-planner/dials was still running when the shutdown grace period ran out: answered 503", StringComparison.Ordinal) == true));
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

    /// <summary>
    /// A dial import over a bare socket that sends its headers and 2,000 rows, then stalls like a
    /// client that stops mid-body. (HttpClient would not show an answer sent before its body ends.)
    /// </summary>
    private sealed class StalledImport(TcpClient connection) : IDisposable
    {
        public static async Task<StalledImport> StartAsync(Uri service, string token)
        {
            var connection = new TcpClient();
            await connection.ConnectAsync(service.Host, service.Port);
            var rows = new StringBuilder("callId,campaign,dialedAt,prospectNumber,aniNumber,contacted\n");
            for (var row = 0; row < 2_000; row++)
            {
                rows.Append(CultureInfo.InvariantCulture, $"stall-{row:D6},out,2026-05-04T10:00:00-07:00,+12135550123,+12135550100,false\n");
            }

            var chunk = Encoding.ASCII.GetBytes(rows.ToString());
            var head = $"POST /ani-planner/dials HTTP/1.1\r\nHost: {service.Authority}\r\nAuthorization: Bearer {token}\r\n" +
                $"Content-Type: text/csv\r\nTransfer-Encoding: chunked\r\n\r\n{chunk.Length:X}\r\n";
            var stream = connection.GetStream();
            await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
            await stream.WriteAsync(chunk);
            await stream.WriteAsync("\r\n"u8.ToArray());
            await stream.FlushAsync();
            return new StalledImport(connection);
        }

        /// <summary>Everything the service sends until it closes the connection: status line, headers, body (de-chunked).</summary>
        public async Task<(string Status, string Headers, string Body)> ReadAnswerAsync(TimeSpan limit)
        {
            using var timeout = new CancellationTokenSource(limit);
            using var received = new MemoryStream();
            try
            {
                await connection.GetStream().CopyToAsync(received, timeout.Token);
            }
            catch (IOException)
            {
                // A reset after the answer: what came before it is what counts.
            }

            var text = Encoding.UTF8.GetString(received.ToArray());
            var headerEnd = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
            if (headerEnd < 0)
            {
                return (text, "", "");
            }

            var head = text[..headerEnd];
            var body = text[(headerEnd + 4)..];
            var statusEnd = head.IndexOf("\r\n", StringComparison.Ordinal);
            return (statusEnd < 0 ? head : head[..statusEnd], head, head.Contains("Transfer-Encoding: chunked", StringComparison.OrdinalIgnoreCase) ? Dechunk(body) : body);
        }

        public void Dispose() => connection.Dispose();

        private static string Dechunk(string chunked)
        {
            var body = new StringBuilder();
            var at = 0;
            while (at < chunked.Length)
            {
                var lineEnd = chunked.IndexOf("\r\n", at, StringComparison.Ordinal);
                var size = lineEnd < 0 ? 0 : int.Parse(chunked[at..lineEnd], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                if (size == 0)
                {
                    break;
                }

                body.Append(chunked, lineEnd + 2, size);
                at = lineEnd + 2 + size + 2;
            }

            return body.ToString();
        }
    }
}
