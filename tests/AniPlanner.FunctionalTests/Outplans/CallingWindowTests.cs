using System.Net;
using System.Text.Json.Nodes;
using AniPlanner.FunctionalTests.Infrastructure;

namespace AniPlanner.FunctionalTests.Outplans;

/// <summary><c>GET/PUT /v1.0/outplans/{id}/calling_window</c>: stored, validated, isolated and audited as outplans are.</summary>
public sealed class CallingWindowTests(DatabaseKind kind) : ApiTestBase(kind)
{
    private static JsonObject Weekdays() => new()
    {
        ["days"] = new JsonArray("mon", "tue", "wed", "thu", "fri"), ["start"] = "09:00", ["end"] = "18:00",
    };

    private async Task<(string Token, string Id)> OutplanAsync()
    {
        var (_, token) = await CreateCustomerAsync();
        var created = await SendAsync(HttpMethod.Post, "/v1.0/outplans", token, OutplanTestData.CreateBody());
        return (token, created.Body!["id"]!.GetValue<string>());
    }

    [Test]
    public async Task An_outplan_without_a_window_answers_any_day_and_hour_with_quiet_hours()
    {
        var (token, id) = await OutplanAsync();

        var window = await SendAsync(HttpMethod.Get, $"/v1.0/outplans/{id}/calling_window", token);

        Assert.That(window.Status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(window.Body!.ToJsonString(), Is.EqualTo(
            """{"days":["mon","tue","wed","thu","fri","sat","sun"],"start":"00:00","end":"24:00","time_zone":"callee","quiet_hours":true}"""));
    }

    [Test]
    public async Task A_window_is_stored_with_its_defaults_and_moves_tm_update_but_not_the_outplans_shape()
    {
        var (token, id) = await OutplanAsync();
        var before = (await SendAsync(HttpMethod.Get, $"/v1.0/outplans/{id}", token)).Body!;
        var body = Weekdays();
        body["days"] = new JsonArray("fri", "mon", "wed");

        var put = await SendAsync(HttpMethod.Put, $"/v1.0/outplans/{id}/calling_window", token, body);
        var got = await SendAsync(HttpMethod.Get, $"/v1.0/outplans/{id}/calling_window", token);
        var after = (await SendAsync(HttpMethod.Get, $"/v1.0/outplans/{id}", token)).Body!.AsObject();

        const string Stored = """{"days":["mon","wed","fri"],"start":"09:00","end":"18:00","time_zone":"callee","quiet_hours":true}""";
        Assert.That((put.Status, put.Body!.ToJsonString()), Is.EqualTo((HttpStatusCode.OK, Stored)));
        Assert.That(got.Body!.ToJsonString(), Is.EqualTo(Stored));
        Assert.That(after.Select(field => field.Key), Is.EqualTo(before.AsObject().Select(field => field.Key)), "the outplan's own fields are the seeds'");
        Assert.That(after["tm_update"]!.GetValue<string>(), Is.Not.EqualTo(before["tm_update"]!.GetValue<string>()));
        Assert.That(await AuditRowsAsync(id, "update"), Is.EqualTo(1));
    }

    [Test]
    public async Task A_window_in_a_named_zone_without_quiet_hours_is_kept_as_given()
    {
        var (token, id) = await OutplanAsync();
        var body = Weekdays();
        body["time_zone"] = "Europe/London";
        body["quiet_hours"] = false;
        body["end"] = "24:00";

        var put = await SendAsync(HttpMethod.Put, $"/v1.0/outplans/{id}/calling_window", token, body);

        Assert.That(put.Body!.ToJsonString(), Is.EqualTo(
            """{"days":["mon","tue","wed","thu","fri"],"start":"09:00","end":"24:00","time_zone":"Europe/London","quiet_hours":false}"""));
    }

    [TestCase("days", null, "days is required")]
    [TestCase("days", "[]", "days must name at least one day")]
    [TestCase("days", """["mon","Monday"]""", "days[1] 'Monday' is not a day: use mon, tue, wed, thu, fri, sat or sun")]
    [TestCase("start", null, "start is required")]
    [TestCase("start", "\"9am\"", "start '9am' is not a time of day: use HH:MM")]
    [TestCase("start", "\"24:00\"", "start '24:00' is not a time of day")]
    [TestCase("end", "\"25:00\"", "end '25:00' is not a time of day")]
    [TestCase("end", "\"08:00\"", "end 08:00 must be after start 09:00: a calling window lies within one day and cannot cross midnight")]
    [TestCase("end", "\"09:00\"", "end 09:00 must be after start 09:00")]
    [TestCase("time_zone", "\"Mars/Olympus_Mons\"", "time_zone 'Mars/Olympus_Mons' is neither callee")]
    [TestCase("time_zone", "\"Eastern Standard Time\"", "is neither callee (each callee's local time) nor an IANA time zone")]
    [TestCase("days", "\"mon\"", "days")]
    [TestCase("days", """["mon","tue","mon"]""", "days[2] 'mon' is listed twice: name each day once")]
    [TestCase("days", """["mon","tue","wed","thu","fri","sat","sun","mon"]""", "days lists at most 7 days, one of each; got 8")]
    public async Task A_bad_window_is_refused_with_what_to_fix(string field, string? json, string message)
    {
        var (token, id) = await OutplanAsync();
        var body = Weekdays();
        body[field] = json is null ? null : JsonNode.Parse(json);
        if (json is null)
        {
            body.Remove(field);
        }

        var put = await SendAsync(HttpMethod.Put, $"/v1.0/outplans/{id}/calling_window", token, body);

        Assert.That(put.Status, Is.EqualTo(HttpStatusCode.BadRequest), put.Body?.ToJsonString());
        Assert.That(put.Body!["error"]!["message"]!.GetValue<string>(), Does.Contain(message));
        Assert.That((await SendAsync(HttpMethod.Get, $"/v1.0/outplans/{id}/calling_window", token)).Body!["end"]!.GetValue<string>(), Is.EqualTo("24:00"),
            "nothing of a refused window is stored");
    }

    [Test]
    public async Task A_window_in_the_callees_time_wholly_inside_quiet_hours_is_refused_unless_they_are_off()
    {
        var (token, id) = await OutplanAsync();
        var body = Weekdays();
        body["start"] = "21:00";
        body["end"] = "23:00";

        AssertError(await SendAsync(HttpMethod.Put, $"/v1.0/outplans/{id}/calling_window", token, body), HttpStatusCode.BadRequest, "INVALID_ARGUMENT",
            "VALIDATION_FAILED", "quiet_hours is true, so calls start only 08:00-21:00 in the callee's time, and the window 21:00-23:00 lies wholly outside those hours");

        body["quiet_hours"] = false;
        Assert.That((await SendAsync(HttpMethod.Put, $"/v1.0/outplans/{id}/calling_window", token, body)).Status, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Another_customers_outplan_a_deleted_one_and_a_bad_id_are_not_found_or_refused()
    {
        var (token, id) = await OutplanAsync();
        var (_, stranger) = await CreateCustomerAsync("Other Dialers");

        AssertError(await SendAsync(HttpMethod.Get, $"/v1.0/outplans/{id}/calling_window", stranger), HttpStatusCode.NotFound, "NOT_FOUND", "OUTPLAN_NOT_FOUND");
        AssertError(await SendAsync(HttpMethod.Put, $"/v1.0/outplans/{id}/calling_window", stranger, Weekdays()), HttpStatusCode.NotFound, "NOT_FOUND", "OUTPLAN_NOT_FOUND");
        AssertError(await SendAsync(HttpMethod.Get, "/v1.0/outplans/not-a-uuid/calling_window", token), HttpStatusCode.BadRequest, "INVALID_ARGUMENT", "INVALID_ID");

        await SendAsync(HttpMethod.Delete, $"/v1.0/outplans/{id}", token);
        Assert.That((await SendAsync(HttpMethod.Get, $"/v1.0/outplans/{id}/calling_window", token)).Status, Is.EqualTo(HttpStatusCode.OK), "reads answer a deleted outplan");
        AssertError(await SendAsync(HttpMethod.Put, $"/v1.0/outplans/{id}/calling_window", token, Weekdays()), HttpStatusCode.NotFound, "NOT_FOUND", "OUTPLAN_NOT_FOUND");
    }

    [Test]
    public async Task A_planner_key_may_not_read_or_set_a_window()
    {
        var (token, id) = await OutplanAsync();
        var planner = (await SendAsync(HttpMethod.Post, "/v1.0/accesskeys", token, new JsonObject { ["name"] = "p", ["permission"] = "planner" })).Body!["token"]!.GetValue<string>();

        Assert.That((await SendAsync(HttpMethod.Get, $"/v1.0/outplans/{id}/calling_window", planner)).Status, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That((await SendAsync(HttpMethod.Put, $"/v1.0/outplans/{id}/calling_window", planner, Weekdays())).Status, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That((await SendAsync(HttpMethod.Post, $"/v1.0/outplans/{id}/schedule_preview", planner, new JsonObject { ["destinations"] = new JsonArray("+12125550100") })).Status,
            Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That((await SendAsync(HttpMethod.Get, $"/v1.0/outplans/{id}/calling_window", null)).Status, Is.EqualTo(HttpStatusCode.Unauthorized));
    }
}
