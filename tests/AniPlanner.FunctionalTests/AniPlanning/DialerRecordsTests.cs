using System.Net;
using System.Text.Json.Nodes;
using AniPlanner.FunctionalTests.Infrastructure;

namespace AniPlanner.FunctionalTests.AniPlanning;

/// <summary>
/// <c>POST /dials</c>: dials as dialers export them (outboundIQ's Dials API records): national
/// numbers, UTC times without an offset, a disposition name instead of a contacted flag, other
/// directions skipped, new campaigns created, dial ids derived when missing. Effects are read back
/// through plans of Mon 4 .. Fri 8 May 2026 (5 weekdays) on the company's clock (America/New_York).
/// </summary>
public sealed class DialerRecordsTests(DatabaseKind kind) : AniPlanningTestBase(kind)
{
    private const string DialsUrl = "/dials";

    /// <summary>A dialer record; "Sale" (declared a contact by <see cref="CompanyAsync"/>) unless told otherwise.</summary>
    private static JsonObject Record(
        string? dialId, string prospect = "(213) 555-0101", string datetime = "2026-05-04 15:00:00", string disposition = "Sale",
        string ani = "2135550100", string campaignId = "sales", string direction = "Outbound", string? zip = null)
    {
        var record = new JsonObject
        {
            ["campaign_id"] = campaignId,
            ["campaign_name"] = "Sales Outbound",
            ["agent_name"] = "Ada Agent",
            ["ani"] = ani,
            ["disposition_name"] = disposition,
            ["prospect_phone"] = prospect,
            ["datetime"] = datetime,
            ["call_direction"] = direction,
            ["sys_created_date_original"] = "2026-05-04 15:00:05",
            ["total_dial_attempts"] = 2,
            ["skill_name"] = "Sales",
            ["lead_source"] = "web",
        };
        if (zip is not null)
        {
            record["zip"] = zip;
        }

        if (dialId is not null)
        {
            record["dial_id"] = dialId;
        }

        return record;
    }

    /// <summary>A company whose dialer declared "Sale" a contact and "No Answer" not one.</summary>
    private async Task<string> CompanyAsync()
    {
        var token = await NewCompanyAsync();
        await DeclareAsync(token, "1", "Sale", contact: true);
        await DeclareAsync(token, "2", "No Answer", contact: false);
        return token;
    }

    private async Task DeclareAsync(string token, string id, string name, bool contact)
    {
        var (status, body) = await SendAsync(HttpMethod.Put, $"{Url}/dispositions/{id}", token,
            new JsonObject { ["name"] = name, ["type"] = "Agent", ["contact"] = contact, ["success"] = contact });
        Assert.That(status, Is.EqualTo(HttpStatusCode.OK), body?.ToJsonString());
    }

    private async Task<JsonNode> PostAsync(string token, JsonNode body, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var (status, answer) = await SendAsync(HttpMethod.Post, DialsUrl, token, body);
        Assert.That(status, Is.EqualTo(expected), answer?.ToJsonString() + string.Join("\n", Factory.Logs.Lines.Where(line => line.StartsWith("Error", StringComparison.Ordinal))));
        return answer!;
    }

    private Task<JsonNode> WeekPlanAsync(string token, string groupBy = "area_code")
    {
        var body = Range("2026-05-04", "2026-05-08");
        body["groupBy"] = groupBy;
        return GenerateAsync(token, body);
    }

    private static JsonObject Answer(long accepted, long duplicates, long skipped, params (long Index, string? DialId, string Message)[] rejected) => new()
    {
        ["message"] = "dial queued",
        ["accepted"] = accepted,
        ["duplicates"] = duplicates,
        ["skipped"] = skipped,
        ["rejected"] = new JsonArray([.. rejected.Select(item => (JsonNode)new JsonObject { ["index"] = item.Index, ["dial_id"] = item.DialId, ["message"] = item.Message })]),
        ["rejected_count"] = rejected.Length,
    };

    [Test]
    public async Task One_record_is_a_dial_queued_with_its_counts()
    {
        var token = await CompanyAsync();

        var answer = await PostAsync(token, Record("oiq-1"));

        Assert.That(answer.ToJsonString(), Is.EqualTo(Answer(1, 0, 0).ToJsonString()));
        // (213) 555-0101 at 15:00 UTC (11:00 in New York) on Monday May 4, a Sale: 1 dial, 1 contact.
        var plan = await WeekPlanAsync(token);
        AssertRows(plan, Row("Los Angeles", "CA", ["213"], 1, 0, 3, 3));
        AssertTotals(plan, totalDials: 1, totalContacts: 1, overallContactRate: 100.0m, totalCurrentAnis: 0, totalProposedAnis: 3, aniDifference: 3, unmappedDials: 0);
    }

    [Test]
    public async Task Only_outbound_directions_are_dials_and_the_rest_are_skipped_not_rejected()
    {
        var token = await CompanyAsync();

        var answer = await PostAsync(token, new JsonArray(
            Record("d-0"),
            Record("d-1", direction: "Inbound"),
            Record("d-2", direction: "SMS"),
            Record("d-3", direction: "manual", disposition: "No Answer"),
            Record("d-4", direction: "Transfer"),
            Record("d-5", direction: "Callback"),
            Record("d-6", direction: "")));

        // d-0, d-3 (Manual, any case) and d-6 (no direction: taken for an outbound dial) are dials.
        Assert.That(answer.ToJsonString(), Is.EqualTo(Answer(3, 0, 4).ToJsonString()));
        AssertTotals(await WeekPlanAsync(token), totalDials: 3, totalContacts: 2, overallContactRate: 66.7m, totalCurrentAnis: 0, totalProposedAnis: 3, aniDifference: 3, unmappedDials: 0);
    }

    [Test]
    public async Task Ndjson_records_are_read_line_by_line_and_a_broken_line_is_rejected_alone()
    {
        var token = await CompanyAsync();
        var ndjson = string.Join("\n", Record("n-0").ToJsonString(), "{\"dial_id\": \"n-1\", broken", Record("n-2", disposition: "No Answer").ToJsonString(), "");

        var response = await SendRawAsync(HttpMethod.Post, DialsUrl, token, ndjson, "application/x-ndjson");

        Assert.That(response.Status, Is.EqualTo(HttpStatusCode.OK), response.Body?.ToJsonString());
        Assert.Multiple(() =>
        {
            Assert.That(response.Body!["accepted"]!.GetValue<long>(), Is.EqualTo(2));
            Assert.That(response.Body["rejected"]![0]!["index"]!.GetValue<long>(), Is.EqualTo(1));
            Assert.That(response.Body["rejected"]![0]!["message"]!.GetValue<string>(), Does.StartWith("This line is not valid JSON"));
        });
    }

    /// <summary>
    /// Without a dial_id the id comes from (campaign_id, ani, prospect_phone, datetime) as stored:
    /// the same dial sent again, its numbers and time written another way, is a duplicate; another
    /// minute is another dial.
    /// </summary>
    [Test]
    public async Task A_record_without_a_dial_id_sent_again_is_a_duplicate_however_it_is_written()
    {
        var token = await CompanyAsync();

        var first = await PostAsync(token, Record(null));
        var again = await PostAsync(token, new JsonArray(
            Record(null, prospect: "+12135550101", datetime: "2026-05-04T15:00:00Z", ani: "+12135550100"),
            Record(null, prospect: "213.555.0101", datetime: "2026-05-04T11:00:00-04:00", ani: "1 213 555 0100"),
            Record(null, datetime: "2026-05-04 15:01:00")));

        Assert.Multiple(() =>
        {
            Assert.That(first.ToJsonString(), Is.EqualTo(Answer(1, 0, 0).ToJsonString()));
            Assert.That(again.ToJsonString(), Is.EqualTo(Answer(1, 2, 0).ToJsonString()));
        });
        AssertTotals(await WeekPlanAsync(token), totalDials: 2, totalContacts: 2, overallContactRate: 100.0m, totalCurrentAnis: 0, totalProposedAnis: 3, aniDifference: 3, unmappedDials: 0);
    }

    [Test]
    public async Task A_dial_id_is_the_call_id_and_may_be_a_number()
    {
        var token = await CompanyAsync();
        var numbered = Record(null);
        numbered["dial_id"] = 98765;

        var first = await PostAsync(token, new JsonArray(numbered, Record("98765", datetime: "2026-05-05 15:00:00")));

        Assert.That(first.ToJsonString(), Is.EqualTo(Answer(1, 1, 0).ToJsonString()), "98765 and \"98765\" are one call");
    }

    [Test]
    public async Task An_unknown_campaign_id_creates_an_outbound_campaign_named_by_the_record()
    {
        var token = await CompanyAsync();
        var numeric = Record("c-1", campaignId: "ignored");
        numeric["campaign_id"] = 4417;
        numeric["campaign_name"] = "Renewals";
        var unnamed = Record("c-2", campaignId: "winback");
        unnamed.Remove("campaign_name");

        await PostAsync(token, new JsonArray(Record("c-0"), numeric, unnamed));
        var (status, campaigns) = await SendAsync(HttpMethod.Get, $"{Url}/campaigns", token);

        Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(campaigns!["data"]!.AsArray().Select(campaign => (campaign!["internalIdentifier"]!.GetValue<string>(), campaign["name"]!.GetValue<string>(), campaign["campaignType"]!.GetValue<string>())),
            Is.EqualTo(new[] { ("sales", "Sales Outbound", "outbound"), ("4417", "Renewals", "outbound"), ("winback", "winback", "outbound") }));
        var onlyRenewals = Range("2026-05-04", "2026-05-08");
        onlyRenewals["campaigns"] = new JsonArray("4417");
        AssertTotals(await GenerateAsync(token, onlyRenewals), totalDials: 1, totalContacts: 1, overallContactRate: 100.0m, totalCurrentAnis: 0, totalProposedAnis: 3, aniDifference: 3, unmappedDials: 0);
    }

    [Test]
    public async Task Bad_records_are_rejected_by_index_naming_the_dialers_field_and_the_rest_are_kept()
    {
        var token = await CompanyAsync();
        await PutCampaignAsync(token, "callbacks", "inbound");
        var noDisposition = Record("r-5");
        noDisposition.Remove("disposition_name");
        var wrongType = Record("r-6");
        wrongType["disposition_name"] = true;

        var answer = await PostAsync(token, new JsonArray(
            Record("r-0"),
            Record("r-1", prospect: "555-0101"),
            Record("r-2", ani: "not a number"),
            Record("r-3", datetime: "04/05/2026 15:00"),
            Record("r-4", campaignId: "callbacks"),
            noDisposition,
            wrongType,
            Record("r-7", campaignId: "bad id!"),
            Record("r-8", zip: "9021"),
            Record("r-9", zip: "M5V 2T6")));

        Assert.That(answer.ToJsonString(), Is.EqualTo(Answer(2, 0, 0,
            (1, "r-1", "prospect_phone '555-0101' is a local number: give its area code too (read without a country code as a number of US, the company's number region)."),
            (2, "r-2", "ani 'not a number' must be a phone number: E.164 (+15559876543), or a national number of the company's number region, US (digits, optionally with spaces, dots, dashes or brackets)."),
            (3, "r-3", "datetime '04/05/2026 15:00' is not an ISO-8601 time with an offset (2026-05-04T14:03:00-07:00, 2026-05-04T21:03:00Z) or a UTC time without one (2026-05-04 21:03:00)."),
            (4, "r-4", "campaign_id 'callbacks' is inbound: dials belong to outbound or autodial campaigns."),
            (5, "r-5", "disposition_name is required: the call's outcome as the dialer names it (\"Answering Machine\", \"Sale\"); its disposition's contact flag says whether the call reached the prospect."),
            (6, "r-6", "disposition_name must be a string."),
            (7, "r-7", "campaign_id 'bad id!' must be 1 to 100 letters, digits, '.', '_' or '-'."),
            (8, "r-8", "zip '9021' is not a US ZIP (5 digits, optionally -4 more); leave it out when unknown.")).ToJsonString()),
            "r-9's Canadian postal code is no ZIP, and no mistake");
    }

    [Test]
    public async Task A_rejected_record_declares_neither_its_campaign_nor_its_disposition()
    {
        var token = await CompanyAsync();
        await PutCampaignAsync(token, "callbacks", "inbound");
        var noOutcome = Record("x-0", campaignId: "never-made");
        noOutcome.Remove("disposition_name");
        var noCampaign = Record("x-2", disposition: "Never Recorded");
        noCampaign.Remove("campaign_id");

        var answer = await PostAsync(token, new JsonArray(noOutcome, Record("x-1", campaignId: "callbacks", disposition: "Never Recorded"), noCampaign));
        var campaigns = (await SendAsync(HttpMethod.Get, $"{Url}/campaigns", token)).Body!["data"]!.AsArray();
        var dispositions = (await SendAsync(HttpMethod.Get, $"{Url}/dispositions", token)).Body!["data"]!.AsArray();

        Assert.Multiple(() =>
        {
            Assert.That(answer["rejected"]!.AsArray().Select(item => item!["message"]!.GetValue<string>()), Is.EqualTo(new[]
            {
                DialerFieldMissingOutcome,
                "campaign_id 'callbacks' is inbound: dials belong to outbound or autodial campaigns.",
                "campaign_id is required: the campaign that placed the call.",
            }));
            Assert.That(campaigns.Select(item => item!["internalIdentifier"]!.GetValue<string>()), Is.EquivalentTo(new[] { "callbacks" }));
            Assert.That(dispositions.Select(item => item!["name"]!.GetValue<string>()), Is.EquivalentTo(new[] { "Sale", "No Answer" }));
        });
    }

    private const string DialerFieldMissingOutcome =
        "disposition_name is required: the call's outcome as the dialer names it (\"Answering Machine\", \"Sale\"); its disposition's contact flag says whether the call reached the prospect.";

    [Test]
    public async Task A_body_that_is_neither_a_record_nor_an_array_nor_ndjson_is_refused_in_the_planners_envelope()
    {
        var token = await CompanyAsync();

        AssertFailure(await SendRawAsync(HttpMethod.Post, DialsUrl, token, "\"just text\""), HttpStatusCode.BadRequest, "must be a dial record (a JSON object) or a JSON array of them");
        AssertFailure(await SendRawAsync(HttpMethod.Post, DialsUrl, token, "  "), HttpStatusCode.BadRequest, "The request body is empty");
        AssertFailure(await SendRawAsync(HttpMethod.Post, DialsUrl, token, "{\"dial_id\": \"x\""), HttpStatusCode.BadRequest, "not valid JSON");
        AssertFailure(await SendRawAsync(HttpMethod.Post, DialsUrl, token, "dial_id,ani\nx,1", "text/csv"), HttpStatusCode.UnsupportedMediaType, "application/x-ndjson");
    }

    [Test]
    public async Task An_array_that_breaks_off_stores_no_dial()
    {
        var token = await CompanyAsync();
        var broken = new JsonArray(Record("b-0"), Record("b-1")).ToJsonString()[..^20];

        AssertFailure(await SendRawAsync(HttpMethod.Post, DialsUrl, token, broken), HttpStatusCode.BadRequest);
        var plan = await WeekPlanAsync(token);

        Assert.That(plan["totalDials"]!.GetValue<long>(), Is.Zero);
    }

    [Test]
    public async Task A_planner_credential_may_not_send_dials_and_none_is_needed_to_be_refused()
    {
        var token = await CompanyAsync();
        var planner = await SendAsync(HttpMethod.Post, "/v1.0/accesskeys", token, new JsonObject { ["name"] = "reader", ["permission"] = "planner" });

        AssertFailure(await SendAsync(HttpMethod.Post, DialsUrl, planner.Body!["token"]!.GetValue<string>(), Record("p-0")), HttpStatusCode.Forbidden, "manager");
        AssertFailure(await SendAsync(HttpMethod.Post, DialsUrl, null, Record("p-0")), HttpStatusCode.Unauthorized);
    }
}
