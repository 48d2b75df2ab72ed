using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net;
using System.Text.Json.Nodes;
using AniPlanner.FunctionalTests.Infrastructure;

namespace AniPlanner.FunctionalTests.Hosting;

public sealed class TelemetryTests(DatabaseKind kind) : ApiTestBase(kind)
{
    [Test]
    public async Task Imports_and_plans_are_counted_and_database_commands_traced()
    {
        var measurements = new ConcurrentDictionary<string, double>();
        using var meters = new MeterListener();
        meters.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == "AniPlanner")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        meters.SetMeasurementEventCallback<long>((instrument, value, _, _) => measurements.AddOrUpdate(instrument.Name, value, (_, sum) => sum + value));
        meters.SetMeasurementEventCallback<double>((instrument, value, _, _) => measurements.AddOrUpdate(instrument.Name, 1, (_, count) => count + 1));
        meters.Start();
        var spans = new ConcurrentBag<string>();
        using var activities = new ActivityListener
        {
            ShouldListenTo = source => source.Name is "AniPlanner" or "AniPlanner.Database",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            ActivityStopped = activity => spans.Add(activity.DisplayName),
        };
        ActivitySource.AddActivityListener(activities);

        var (_, token) = await CreateCustomerAsync();
        await SendAsync(HttpMethod.Put, "/ani-planner/campaigns/out", token, new JsonObject { ["name"] = "Out", ["campaignType"] = "outbound" });
        var dials = """
            [{"callId":"t1","campaign":"out","dialedAt":"2026-05-04T10:00:00Z","prospectNumber":"+12135550123","aniNumber":"+12135550100","contacted":true},
             {"callId":"t1","campaign":"out","dialedAt":"2026-05-04T10:00:00Z","prospectNumber":"+12135550123","aniNumber":"+12135550100","contacted":true},
             {"callId":"t2","campaign":"nope","dialedAt":"2026-05-04T10:00:00Z","prospectNumber":"+12135550123","aniNumber":"+12135550100","contacted":true}]
            """;
        Assert.That((await SendRawAsync(HttpMethod.Post, "/ani-planner/dials", token, dials)).Status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await SendAsync(HttpMethod.Post, "/ani-planner/generate", token, new JsonObject())).Status, Is.EqualTo(HttpStatusCode.OK));
        meters.RecordObservableInstruments();

        Assert.Multiple(() =>
        {
            Assert.That(measurements.GetValueOrDefault("aniplanner.dials.ingested"), Is.EqualTo(1));
            Assert.That(measurements.GetValueOrDefault("aniplanner.dials.duplicates"), Is.EqualTo(1));
            Assert.That(measurements.GetValueOrDefault("aniplanner.dials.rejected"), Is.EqualTo(1));
            Assert.That(measurements.GetValueOrDefault("aniplanner.plans.generated"), Is.EqualTo(1));
            Assert.That(measurements.GetValueOrDefault("aniplanner.plans.duration"), Is.EqualTo(1), "one duration recorded");
            Assert.That(spans, Does.Contain("GeneratePlan").And.Contain("ImportDials").And.Contain("db SELECT"));
        });
    }
}
