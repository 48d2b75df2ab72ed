using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using AniPlanner.FunctionalTests.Infrastructure;

namespace AniPlanner.FunctionalTests.Published;

/// <summary>
/// The published service's memory is bounded by its configuration, not by what clients send:
/// the import shapes that once took it to gigabytes (one endless NDJSON line, a CSV quote that
/// never closes, a thousand rejected rows quoting huge values, millions of dials spread over six
/// years) leave its peak resident memory under <see cref="PeakBound"/>. Meanwhile another
/// customer's writes keep answering within a second, on SQLite, the one-writer database.
/// </summary>
[NonParallelizable]
public sealed class PublishedMemoryTests
{
    /// <summary>The stated bound (README, "Limits"): the idle service holds about 150 MiB of it.</summary>
    private const long PeakBound = 400L * 1024 * 1024;

    private const long MiB = 1024 * 1024;
    private static readonly string[] AreaCodes = ["201", "202", "205", "206", "212", "213", "214", "215", "216", "303", "305", "310", "312", "313", "404", "408", "415", "503", "602", "617", "702", "713", "718", "808", "907"];

    [Test]
    public async Task Hostile_import_shapes_leave_memory_under_the_bound_and_other_writes_prompt()
    {
        await using var database = new SqliteTestDatabase();
        await using var service = await PublishedService.StartAsync(new Dictionary<string, string>
        {
            ["Database__Provider"] = "Sqlite",
            ["ConnectionStrings__AniPlanner"] = database.ConnectionString,
            ["Admin__ApiKey"] = PublishedService.AdminKey,
            ["Auth__JwtSigningKey"] = "published-memory-signing-key-0123456789abcdef",
        });
        await service.WaitUntilReadyAsync();
        using var http = new HttpClient { BaseAddress = service.Http.BaseAddress, Timeout = TimeSpan.FromMinutes(10) };
        var importer = await ServiceArrangements.CustomerWithCampaignAsync(http, PublishedService.AdminKey, "Hostile Imports");
        var neighbour = await ServiceArrangements.CustomerWithCampaignAsync(http, PublishedService.AdminKey, "Neighbour");
        var idle = service.ResidentBytes();

        // 1. One 300 MiB NDJSON line between two good ones: that line is rejected, the rest imported.
        var endless = await ImportAsync(http, importer, "application/x-ndjson", Body(async stream =>
        {
            await WriteAsync(stream, NdjsonDial("line-1", 0) + "\n{\"callId\":\"endless\",\"campaign\":\"");
            await RepeatAsync(stream, 'x', 300 * MiB);
            await WriteAsync(stream, "\"}\n" + NdjsonDial("line-3", 1) + "\n");
        }));
        Assert.That(endless.Status, Is.EqualTo(HttpStatusCode.OK), endless.Text);
        Assert.That(endless.Json!["data"]!["accepted"]!.GetValue<long>(), Is.EqualTo(2));

        // 2. A CSV quote that never closes, then 64 MiB: refused whole.
        var unclosed = await ImportAsync(http, importer, "text/csv", Body(async stream =>
        {
            await WriteAsync(stream, "callId,campaign,dialedAt,prospectNumber,aniNumber,contacted\nq-1,\"out,");
            await RepeatAsync(stream, 'q', 64 * MiB);
        }));
        Assert.That(unclosed.Status, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge), unclosed.Text);

        // 3. A thousand rejected rows, each naming a 200 KiB campaign: a small answer.
        var rejected = await ImportAsync(http, importer, "application/x-ndjson", Body(async stream =>
        {
            var campaign = new string('c', 200 * 1024);
            for (var row = 0; row < 1000; row++)
            {
                await WriteAsync(stream, $"{{\"callId\":\"r-{row}\",\"campaign\":\"{campaign}\"}}\n");
            }
        }));
        Assert.That(rejected.Status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(rejected.Json!["data"]!["rejectedCount"]!.GetValue<long>(), Is.EqualTo(1000));
        Assert.That(rejected.Text.Length, Is.LessThan(512 * 1024), "bytes in the answer");

        // 4. Two million dials over six years and 25 area codes, while the neighbour writes.
        const int dials = 2_000_000;
        var import = ImportAsync(http, importer, "text/csv", Body(async stream =>
        {
            await WriteAsync(stream, "callId,campaign,dialedAt,prospectNumber,aniNumber,contacted\n");
            var first = new DateTime(2020, 11, 1, 15, 0, 0, DateTimeKind.Utc);
            var rows = new StringBuilder();
            for (var row = 0; row < dials; row++)
            {
                var area = AreaCodes[row % AreaCodes.Length];
                rows.Append(CultureInfo.InvariantCulture,
                    $"six-{row},out,{first.AddDays(row % 2190):yyyy-MM-dd'T'HH:mm:ss'Z'},+1{area}55501{row % 100:00},+1{area}5550199,{(row % 4 == 0 ? "true" : "false")}\n");
                if (rows.Length > 64 * 1024)
                {
                    await WriteAsync(stream, rows.ToString());
                    rows.Clear();
                }
            }

            await WriteAsync(stream, rows.ToString());
        }));
        var latencies = new List<TimeSpan>();
        while (!import.IsCompleted)
        {
            latencies.Add(await ServiceArrangements.TimedOutplanCreateAsync(http, neighbour));
            await Task.Delay(100);
        }

        var big = await import;
        Assert.That(big.Status, Is.EqualTo(HttpStatusCode.OK), big.Text);
        Assert.That(big.Json!["data"]!["accepted"]!.GetValue<long>(), Is.EqualTo(dials), big.Text.Length > 1000 ? big.Text[..1000] : big.Text);

        TestContext.Out.WriteLine(service.Output.LastOrDefault(line => line.Contains("write turns", StringComparison.Ordinal)));
        var peak = service.PeakResidentBytes();
        TestContext.Out.WriteLine($"idle {idle / MiB} MiB, peak {peak / MiB} MiB, now {service.ResidentBytes() / MiB} MiB; "
            + $"{latencies.Count} neighbour writes during the 2M import, slowest {latencies.Max().TotalMilliseconds:0} ms");
        Assert.Multiple(() =>
        {
            Assert.That(peak, Is.LessThan(PeakBound), $"peak resident bytes (idle {idle / MiB} MiB)");
            Assert.That(latencies.Max(), Is.LessThan(TimeSpan.FromSeconds(1)), "the neighbour's slowest write during the import");
        });
    }

    private static string NdjsonDial(string callId, int day) =>
        $$"""{"callId":"{{callId}}","campaign":"out","dialedAt":"2026-05-0{{4 + day}}T10:00:00-07:00","prospectNumber":"+12135550123","aniNumber":"+12135550100","contacted":true}""";

    private static async Task<(HttpStatusCode Status, string Text, JsonNode? Json)> ImportAsync(HttpClient http, string token, string contentType, HttpContent body)
    {
        body.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
        using var request = ServiceArrangements.Authorized(HttpMethod.Post, "/ani-planner/dials", token);
        request.Content = body;
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text, text.Length > 0 ? JsonNode.Parse(text) : null);
    }

    private static HttpContent Body(Func<Stream, Task> write) => new StreamedContent(write);

    private static Task WriteAsync(Stream stream, string text) => stream.WriteAsync(Encoding.UTF8.GetBytes(text)).AsTask();

    private static async Task RepeatAsync(Stream stream, char character, long count)
    {
        var chunk = Encoding.UTF8.GetBytes(new string(character, 64 * 1024));
        for (long written = 0; written < count; written += chunk.Length)
        {
            await stream.WriteAsync(chunk);
        }
    }
}
