using System.Net;
using System.Text.Json.Nodes;
using AniPlanner.FunctionalTests.Infrastructure;

namespace AniPlanner.FunctionalTests.AniPlanning;

/// <summary>
/// Dial ingestion in JSON, NDJSON and CSV: what is accepted, what is a duplicate, what is
/// rejected (with its index, call id and a message), and that a request commits all its valid
/// rows or none. Every effect is read back through a plan for Mon 4 .. Fri 8 May (5 weekdays).
/// </summary>
public sealed class DialImportTests(DatabaseKind kind) : AniPlanningTestBase(kind)
{
    private const string CsvHeader = "callId,campaign,dialedAt,prospectNumber,aniNumber,prospectZip,contacted";

    private Task<JsonNode> WeekPlanAsync(string token, string groupBy = "area_code")
    {
        var body = Range("2026-05-04", "2026-05-08");
        body["groupBy"] = groupBy;
        return GenerateAsync(token, body);
    }

    private async Task<string> CompanyWithSalesAsync()
    {
        var token = await NewCompanyAsync();
        await PutCampaignAsync(token, "sales");
        return token;
    }

    private static JsonObject ImportResult(long accepted, long duplicates, JsonArray rejected, long rejectedCount) => new()
    {
        ["accepted"] = accepted,
        ["duplicates"] = duplicates,
        ["rejected"] = rejected,
        ["rejectedCount"] = rejectedCount,
    };

    [Test]
    public async Task A_json_array_is_imported_and_answered_with_counts()
    {
        var token = await CompanyWithSalesAsync();

        var (status, body) = await PostDialsAsync(token, [
            Dial("j-1", "+12135550001", "2026-05-04T10:00:00-07:00", contacted: true),
            Dial("j-2", "+12125550002", "2026-05-05T10:00:00-04:00"),
        ]);

        Assert.That(status, Is.EqualTo(HttpStatusCode.OK), body?.ToJsonString());
        Assert.That(body!["success"]!.GetValue<bool>(), Is.True);
        Assert.That(body["data"]!.ToJsonString(), Is.EqualTo(ImportResult(2, 0, [], 0).ToJsonString()));

        var plan = await WeekPlanAsync(token);
        AssertRows(plan,
            Row("Los Angeles", "CA", ["213"], 1, 0, 3, 3),
            Row("New York", "NY", ["212"], 1, 0, 3, 3));
        // 2 dials, 1 contact: 50.0.
        AssertTotals(plan, totalDials: 2, totalContacts: 1, overallContactRate: 50.0m, totalCurrentAnis: 0, totalProposedAnis: 6, aniDifference: 6, unmappedDials: 0);
    }

    [Test]
    public async Task A_numeric_call_id_is_a_call_id()
    {
        var token = await CompanyWithSalesAsync();
        var dial = Dial("x", "+12135550001", "2026-05-04T10:00:00-07:00");
        dial["callId"] = 90210;

        var (status, body) = await PostDialsAsync(token, [dial]);

        Assert.That(status, Is.EqualTo(HttpStatusCode.OK), body?.ToJsonString());
        Assert.That(body!["data"]!["accepted"]!.GetValue<long>(), Is.EqualTo(1));

        var again = await PostDialsAsync(token, [Dial("90210", "+12135550001", "2026-05-04T10:00:00-07:00")]);
        Assert.That(again.Body!["data"]!["duplicates"]!.GetValue<long>(), Is.EqualTo(1), "90210 and \"90210\" are the same call");
    }

    [Test]
    public async Task Call_ids_differing_only_in_case_are_different_calls_on_every_database()
    {
        var token = await CompanyWithSalesAsync();

        var (status, body) = await PostDialsAsync(token, [
            Dial("CALL-a", "+12135550001", "2026-05-04T10:00:00-07:00"),
            Dial("call-A", "+12135550001", "2026-05-04T10:00:00-07:00"),
            Dial("CALL-a", "+12135550001", "2026-05-04T10:00:00-07:00")]);

        // A binary comparison: "CALL-a" and "call-A" are two calls; the second "CALL-a" is a duplicate.
        Assert.That(body!["data"]!.ToJsonString(), Is.EqualTo(ImportResult(2, 1, [], 0).ToJsonString()), $"{status}");
        var again = await PostDialsAsync(token, [Dial("Call-A", "+12135550001", "2026-05-04T10:00:00-07:00"), Dial("call-A", "+12135550001", "2026-05-04T10:00:00-07:00")]);
        Assert.That(again.Body!["data"]!.ToJsonString(), Is.EqualTo(ImportResult(1, 1, [], 0).ToJsonString()));
        Assert.That((await WeekPlanAsync(token))["totalDials"]!.GetValue<long>(), Is.EqualTo(3));

        // Surrounding blanks are not part of the id, on any database: "call-A " is call-A again.
        var padded = await PostDialsAsync(token, [Dial(" call-A ", "+12135550001", "2026-05-04T10:00:00-07:00")]);
        Assert.That(padded.Body!["data"]!.ToJsonString(), Is.EqualTo(ImportResult(0, 1, [], 0).ToJsonString()));
    }

    [Test]
    public async Task An_empty_json_array_imports_nothing()
    {
        var token = await CompanyWithSalesAsync();

        var (status, body) = await SendRawAsync(HttpMethod.Post, $"{Url}/dials", token, "[]");

        Assert.That(status, Is.EqualTo(HttpStatusCode.OK), body?.ToJsonString());
        Assert.That(body!["data"]!.ToJsonString(), Is.EqualTo(ImportResult(0, 0, [], 0).ToJsonString()));
    }

    [Test]
    public async Task Ndjson_is_imported_line_by_line_and_a_broken_line_is_rejected_alone()
    {
        var token = await CompanyWithSalesAsync();
        var ndjson = string.Join("\n",
            Dial("n-1", "+12135550001", "2026-05-04T10:00:00-07:00", contacted: true).ToJsonString(),
            """{"callId": "n-2", "campaign": "sales", """,
            Dial("n-3", "+13105550003", "2026-05-06T10:00:00-07:00").ToJsonString(),
            "[1, 2]") + "\n";

        var (status, body) = await SendRawAsync(HttpMethod.Post, $"{Url}/dials", token, ndjson, "application/x-ndjson");

        Assert.That(status, Is.EqualTo(HttpStatusCode.OK), body?.ToJsonString());
        var data = body!["data"]!;
        Assert.Multiple(() =>
        {
            Assert.That(data["accepted"]!.GetValue<long>(), Is.EqualTo(2));
            Assert.That(data["duplicates"]!.GetValue<long>(), Is.EqualTo(0));
            Assert.That(data["rejectedCount"]!.GetValue<long>(), Is.EqualTo(2));
            Assert.That(data["rejected"]!.AsArray().Select(rejection => rejection!["index"]!.GetValue<long>()), Is.EqualTo(new long[] { 1, 3 }));
            Assert.That(data["rejected"]![0]!["message"]!.GetValue<string>(), Does.Contain("not valid JSON"));
            Assert.That(data["rejected"]![1]!["message"]!.GetValue<string>(), Does.Contain("JSON object"));
        });

        // 213 and 310: one Los Angeles row, 2 dials over 5 weekdays -> 1 a day; 1 contact of 2.
        var plan = await WeekPlanAsync(token);
        AssertRows(plan, Row("Los Angeles", "CA", ["213", "310"], 1, 0, 3, 3));
        AssertTotals(plan, totalDials: 2, totalContacts: 1, overallContactRate: 50.0m, totalCurrentAnis: 0, totalProposedAnis: 3, aniDifference: 3, unmappedDials: 0);
    }

    [Test]
    public async Task Concurrent_imports_of_one_customer_with_overlapping_call_ids_count_each_call_once()
    {
        var token = await CompanyWithSalesAsync();

        // Eight requests at once; request i carries call ids i*100 .. i*100+199, so each overlaps
        // the next by 100: 1,600 rows, 900 distinct calls, every one contacted.
        const int requests = 8;
        var answers = await Task.WhenAll(Enumerable.Range(0, requests).Select(request => SendRawAsync(HttpMethod.Post, $"{Url}/dials", token,
            string.Join("\n", [CsvHeader, .. Enumerable.Range(request * 100, 200)
                .Select(call => $"race-{call},sales,2026-05-0{4 + (call % 5)}T10:00:00-07:00,+1213555{call:D4},+12135550100,,true")]),
            "text/csv")));

        Assert.That(answers.Select(answer => answer.Status), Is.All.EqualTo(HttpStatusCode.OK), string.Join("\n", answers.Select(answer => answer.Body?.ToJsonString())));
        Assert.That(answers.Sum(answer => answer.Body!["data"]!["accepted"]!.GetValue<long>()), Is.EqualTo(900), "each call stored once");
        Assert.That(answers.Sum(answer => answer.Body!["data"]!["duplicates"]!.GetValue<long>()), Is.EqualTo(700), "1,600 rows - 900 calls");

        // The rollups agree with the dials: 900 dials over 5 weekdays, all contacted.
        AssertTotals(await WeekPlanAsync(token), totalDials: 900, totalContacts: 900, overallContactRate: 100.0m,
            totalCurrentAnis: 0, totalProposedAnis: 3, aniDifference: 3, unmappedDials: 0);
    }

    [Test]
    public async Task Csv_with_a_header_row_is_imported_with_its_zips()
    {
        var token = await CompanyWithSalesAsync();
        var csv = string.Join("\r\n",
            CsvHeader,
            "c-1,sales,2026-05-04T10:00:00-07:00,+12125550001,+12135550100,90001,true", // New York number, Los Angeles ZIP
            "c-2,sales,2026-05-05T10:00:00-04:00,+12125550002,+12135550100,,false", // no ZIP
            "\"c-3\",\"sales\",2026-05-06T10:00:00-05:00,+13125550003,+12135550100,60601-0001,1") + "\r\n"; // quoted fields, ZIP+4, contacted 1

        var (status, body) = await SendRawAsync(HttpMethod.Post, $"{Url}/dials", token, csv, "text/csv");

        Assert.That(status, Is.EqualTo(HttpStatusCode.OK), body?.ToJsonString());
        Assert.That(body!["data"]!.ToJsonString(), Is.EqualTo(ImportResult(3, 0, [], 0).ToJsonString()));

        // By ZIP: Los Angeles (90001) and Chicago (60601), 1 dial each; c-2 has no ZIP: 1 unmapped.
        var byZip = await WeekPlanAsync(token, "zip");
        AssertRows(byZip,
            Row("Chicago", "IL", ["312"], 1, 0, 3, 3),
            Row("Los Angeles", "CA", ["213"], 1, 0, 3, 3));
        AssertTotals(byZip, totalDials: 2, totalContacts: 2, overallContactRate: 100.0m, totalCurrentAnis: 0, totalProposedAnis: 6, aniDifference: 6, unmappedDials: 1);

        // By prospect: New York 2, Chicago 1; 2 contacts of 3 = 66.67 -> 66.7.
        var byProspect = await WeekPlanAsync(token);
        AssertRows(byProspect,
            Row("Chicago", "IL", ["312"], 1, 0, 3, 3),
            Row("New York", "NY", ["212"], 1, 0, 3, 3));
        AssertTotals(byProspect, totalDials: 3, totalContacts: 2, overallContactRate: 66.7m, totalCurrentAnis: 0, totalProposedAnis: 6, aniDifference: 6, unmappedDials: 0);
    }

    [Test]
    public async Task Csv_columns_may_come_in_any_order_and_prospect_zip_may_be_left_out()
    {
        var token = await CompanyWithSalesAsync();
        var csv = "contacted,aniNumber,prospectNumber,dialedAt,campaign,callId\n"
            + "yes,+12135550100,+12135550001,2026-05-04T10:00:00-07:00,sales,o-1\n"
            + "no,+12135550100,+12135550002,2026-05-04T11:00:00-07:00,sales,o-2\n";

        var (status, body) = await SendRawAsync(HttpMethod.Post, $"{Url}/dials", token, csv, "text/csv");

        Assert.That(status, Is.EqualTo(HttpStatusCode.OK), body?.ToJsonString());
        Assert.That(body!["data"]!.ToJsonString(), Is.EqualTo(ImportResult(2, 0, [], 0).ToJsonString()));
        var plan = await WeekPlanAsync(token);
        // 2 dials, 1 contact.
        AssertTotals(plan, totalDials: 2, totalContacts: 1, overallContactRate: 50.0m, totalCurrentAnis: 0, totalProposedAnis: 3, aniDifference: 3, unmappedDials: 0);
    }

    [Test]
    public async Task Quoted_csv_fields_may_hold_commas_and_doubled_quotes()
    {
        var token = await CompanyWithSalesAsync();
        var csv = CsvHeader + "\n"
            + "\"call,1\",sales,2026-05-04T10:00:00-07:00,+12135550001,+12135550100,,true\n"
            + "\"say \"\"hi\"\"\",sales,2026-05-04T10:00:00-07:00,+12135550002,+12135550100,,false\n";
        var (status, body) = await SendRawAsync(HttpMethod.Post, $"{Url}/dials", token, csv, "text/csv");
        Assert.That(status, Is.EqualTo(HttpStatusCode.OK), body?.ToJsonString());
        Assert.That(body!["data"]!["accepted"]!.GetValue<long>(), Is.EqualTo(2));

        // The same call ids as JSON strings are known: the CSV read them whole.
        var again = await PostDialsAsync(token, [
            Dial("call,1", "+12135550001", "2026-05-04T10:00:00-07:00"),
            Dial("say \"hi\"", "+12135550002", "2026-05-04T10:00:00-07:00"),
        ]);

        Assert.That(again.Body!["data"]!.ToJsonString(), Is.EqualTo(ImportResult(0, 2, [], 0).ToJsonString()));
    }

    [Test]
    public async Task A_csv_header_without_a_required_column_is_refused()
    {
        var token = await CompanyWithSalesAsync();
        var csv = "callId,campaign,dialedAt,prospectNumber,contacted\nh-1,sales,2026-05-04T10:00:00-07:00,+12135550001,true\n";

        AssertFailure(await SendRawAsync(HttpMethod.Post, $"{Url}/dials", token, csv, "text/csv"), HttpStatusCode.BadRequest, "aniNumber");
        AssertTotals(await WeekPlanAsync(token), totalDials: 0, totalContacts: 0, overallContactRate: 0m, totalCurrentAnis: 0, totalProposedAnis: 0, aniDifference: 0, unmappedDials: 0);
    }

    [Test]
    public async Task An_empty_csv_body_is_refused()
    {
        var token = await CompanyWithSalesAsync();

        AssertFailure(await SendRawAsync(HttpMethod.Post, $"{Url}/dials", token, "", "text/csv"), HttpStatusCode.BadRequest, "header");
    }

    [Test]
    public async Task Csv_rows_that_cannot_be_read_are_rejected_with_their_index()
    {
        var token = await CompanyWithSalesAsync();
        var csv = string.Join("\n",
            CsvHeader,
            "r-0,sales,2026-05-04T10:00:00-07:00,+12135550001,+12135550100,,true",
            "r-1,sales,2026-05-04T10:00:00-07:00,+12135550002,+12135550100,true", // a field short
            "r-2,sales,2026-05-04T10:00:00-07:00,+12135550003,+12135550100,,maybe",
            "r-3,sales,2026-05-04T10:00:00-07:00,+12135550004,+12135550100,,false") + "\n";

        var (status, body) = await SendRawAsync(HttpMethod.Post, $"{Url}/dials", token, csv, "text/csv");

        Assert.That(status, Is.EqualTo(HttpStatusCode.OK), body?.ToJsonString());
        var data = body!["data"]!;
        Assert.Multiple(() =>
        {
            Assert.That(data["accepted"]!.GetValue<long>(), Is.EqualTo(2));
            Assert.That(data["rejectedCount"]!.GetValue<long>(), Is.EqualTo(2));
            Assert.That(data["rejected"]!.AsArray().Select(rejection => rejection!["index"]!.GetValue<long>()), Is.EqualTo(new long[] { 1, 2 }));
            Assert.That(data["rejected"]![0]!["message"]!.GetValue<string>(), Does.Contain("6 fields").And.Contain("7"));
            Assert.That(data["rejected"]![1]!["callId"]!.GetValue<string>(), Is.EqualTo("r-2"));
            Assert.That(data["rejected"]![1]!["message"]!.GetValue<string>(), Does.Contain("'maybe'"));
        });
    }

    [Test]
    public async Task A_call_id_repeated_within_a_request_counts_once_as_its_first_row()
    {
        var token = await CompanyWithSalesAsync();

        var (status, body) = await PostDialsAsync(token, [
            Dial("d-1", "+12135550001", "2026-05-04T10:00:00-07:00"), // Los Angeles: this one counts
            Dial("d-2", "+12135550002", "2026-05-04T11:00:00-07:00"),
            Dial("d-1", "+12125550003", "2026-05-05T10:00:00-04:00", contacted: true), // same call id, New York: a duplicate
        ]);

        Assert.That(status, Is.EqualTo(HttpStatusCode.OK), body?.ToJsonString());
        Assert.That(body!["data"]!.ToJsonString(), Is.EqualTo(ImportResult(2, 1, [], 0).ToJsonString()));
        var plan = await WeekPlanAsync(token);
        AssertRows(plan, Row("Los Angeles", "CA", ["213"], 1, 0, 3, 3)); // 2 dials: 1 a day; no New York row
        AssertTotals(plan, totalDials: 2, totalContacts: 0, overallContactRate: 0m, totalCurrentAnis: 0, totalProposedAnis: 3, aniDifference: 3, unmappedDials: 0);
    }

    [Test]
    public async Task A_call_id_sent_again_in_a_later_request_is_a_duplicate_and_not_counted_twice()
    {
        var token = await CompanyWithSalesAsync();
        await ImportAsync(token, Dials("d", 3, "+12135550001", "2026-05-04T10:00:00-07:00", contacted: 1));

        // d-0 .. d-2 again (in any format), plus one new call.
        var csv = CsvHeader + "\n"
            + "d-1,sales,2026-05-04T10:00:00-07:00,+12135550001,+12135550100,,true\n"
            + "d-3,sales,2026-05-04T10:00:00-07:00,+12135550001,+12135550100,,false\n";
        var (status, body) = await SendRawAsync(HttpMethod.Post, $"{Url}/dials", token, csv, "text/csv");
        var again = await PostDialsAsync(token, Dials("d", 3, "+12135550001", "2026-05-04T10:00:00-07:00", contacted: 3));

        Assert.That(status, Is.EqualTo(HttpStatusCode.OK), body?.ToJsonString());
        Assert.That(body!["data"]!.ToJsonString(), Is.EqualTo(ImportResult(1, 1, [], 0).ToJsonString()));
        Assert.That(again.Body!["data"]!.ToJsonString(), Is.EqualTo(ImportResult(0, 3, [], 0).ToJsonString()));

        // d-0 .. d-3: 4 dials, only d-0's contact counts (the re-sent rows claimed 3 more): 25.0.
        var plan = await WeekPlanAsync(token);
        AssertRows(plan, Row("Los Angeles", "CA", ["213"], 1, 0, 3, 3));
        AssertTotals(plan, totalDials: 4, totalContacts: 1, overallContactRate: 25.0m, totalCurrentAnis: 0, totalProposedAnis: 3, aniDifference: 3, unmappedDials: 0);
    }

    [Test]
    public async Task A_json_array_that_breaks_off_stores_nothing()
    {
        var token = await CompanyWithSalesAsync();
        var valid = new JsonArray(
            Dial("b-1", "+12135550001", "2026-05-04T10:00:00-07:00"),
            Dial("b-2", "+12135550002", "2026-05-04T11:00:00-07:00")).ToJsonString();
        var broken = valid[..^1] + """, {"callId": "b-3", "campaign": "sa""";

        AssertFailure(await SendRawAsync(HttpMethod.Post, $"{Url}/dials", token, broken), HttpStatusCode.BadRequest, "JSON");

        var plan = await WeekPlanAsync(token);
        Assert.That(plan["regionStats"]!.AsArray(), Is.Empty);
        AssertTotals(plan, totalDials: 0, totalContacts: 0, overallContactRate: 0m, totalCurrentAnis: 0, totalProposedAnis: 0, aniDifference: 0, unmappedDials: 0);

        // Nothing of it was kept: the same calls are new, not duplicates.
        var (status, body) = await SendRawAsync(HttpMethod.Post, $"{Url}/dials", token, valid);
        Assert.That(status, Is.EqualTo(HttpStatusCode.OK), body?.ToJsonString());
        Assert.That(body!["data"]!.ToJsonString(), Is.EqualTo(ImportResult(2, 0, [], 0).ToJsonString()));
    }

    [TestCase("""{"callId": "o-1"}""")]
    [TestCase("not json")]
    public async Task A_json_body_that_is_not_an_array_is_refused(string raw)
    {
        var token = await CompanyWithSalesAsync();

        AssertFailure(await SendRawAsync(HttpMethod.Post, $"{Url}/dials", token, raw), HttpStatusCode.BadRequest);
    }

    [Test]
    public async Task Invalid_rows_are_rejected_with_index_call_id_and_message_and_the_valid_rows_are_kept()
    {
        var token = await CompanyWithSalesAsync();
        await PutCampaignAsync(token, "callbacks", "inbound");
        var noContacted = Dial("v-9", "+12135550009", "2026-05-04T10:00:00-07:00");
        noContacted.Remove("contacted");
        var noCallId = Dial("ignored", "+12135550010", "2026-05-04T10:00:00-07:00");
        noCallId.Remove("callId");

        var (status, body) = await PostDialsAsync(token, [
            Dial("v-0", "+12135550000", "2026-05-04T10:00:00-07:00", contacted: true), // valid
            Dial("v-1", "213555000", "2026-05-04T10:00:00-07:00"),
            Dial("v-2", "+12135550002", "2026-05-04T10:00:00-07:00", ani: "+1213"),
            Dial("v-3", "+12135550003", "2026-05-04T10:00:00-07:00", campaign: "nope"),
            Dial("v-4", "+12135550004", "2026-05-04T10:00:00-07:00", campaign: "callbacks"),
            Dial("v-5", "+12135550005", "2026-05-04T10:00"),
            Dial("v-6", "+12135550006", "2026-05-04"),
            Dial("v-7", "+12135550007", "2026-05-04T10:00:00-07:00", zip: "9000"),
            Dial("v-8", "+12135550008", "2026-05-04T10:00:00-07:00", zip: "ABCDE"),
            noContacted,
            noCallId,
            Dial("v-11", "+12135550011", "2026-05-05T10:00:00-07:00"), // valid
            Dial("v-12", "not-a-number", "2026-05-04T10:00:00-07:00"),
            Dial("v-13", "+12135550013", "2026-06-17T12:00:00Z"), // two days after the pinned clock
        ]);

        Assert.That(status, Is.EqualTo(HttpStatusCode.OK), body?.ToJsonString());
        var data = body!["data"]!;
        Assert.Multiple(() =>
        {
            Assert.That(data["accepted"]!.GetValue<long>(), Is.EqualTo(2));
            Assert.That(data["duplicates"]!.GetValue<long>(), Is.EqualTo(0));
            Assert.That(data["rejectedCount"]!.GetValue<long>(), Is.EqualTo(12));
        });

        var rejected = data["rejected"]!.AsArray();
        (long Index, string? CallId, string[] Message)[] expected =
        [
            (1, "v-1", ["prospectNumber", "'213555000' is too short for a number of US", "the company's number region"]),
            (2, "v-2", ["aniNumber", "'+1213'"]),
            (3, "v-3", ["campaign 'nope'", "not a campaign"]),
            (4, "v-4", ["campaign 'callbacks'", "inbound"]),
            (5, "v-5", ["dialedAt '2026-05-04T10:00'", "offset", "2026-05-04 21:03:00"]),
            (6, "v-6", ["dialedAt '2026-05-04'"]),
            (7, "v-7", ["prospectZip '9000'"]),
            (8, "v-8", ["prospectZip 'ABCDE'"]),
            (9, "v-9", ["contacted"]),
            (10, null, ["callId"]),
            (12, "v-12", ["prospectNumber", "'not-a-number'"]),
            (13, "v-13", ["dialedAt", "future"]),
        ];
        Assert.That(rejected, Has.Count.EqualTo(expected.Length), rejected.ToJsonString());
        Assert.Multiple(() =>
        {
            for (var i = 0; i < expected.Length; i++)
            {
                var rejection = rejected[i]!;
                Assert.That(WireFormat.Keys(rejection), Is.EqualTo(new[] { "index", "callId", "message" }));
                Assert.That(rejection["index"]!.GetValue<long>(), Is.EqualTo(expected[i].Index), rejection.ToJsonString());
                Assert.That(rejection["callId"]?.GetValue<string>(), Is.EqualTo(expected[i].CallId), rejection.ToJsonString());
                foreach (var fragment in expected[i].Message)
                {
                    Assert.That(rejection["message"]!.GetValue<string>(), Does.Contain(fragment), rejection.ToJsonString());
                }
            }
        });

        // v-0 and v-11: 2 dials over 5 weekdays -> 1 a day, 1 contact.
        var plan = await WeekPlanAsync(token);
        AssertRows(plan, Row("Los Angeles", "CA", ["213"], 1, 0, 3, 3));
        AssertTotals(plan, totalDials: 2, totalContacts: 1, overallContactRate: 50.0m, totalCurrentAnis: 0, totalProposedAnis: 3, aniDifference: 3, unmappedDials: 0);
    }

    [Test]
    public async Task Numbers_not_written_in_e164_are_rejected()
    {
        var token = await CompanyWithSalesAsync();

        var (status, body) = await PostDialsAsync(token, [
            Dial("e-0", "+1 (213) 555-0001 ext. 1234", "2026-05-04T10:00:00-07:00"),
            Dial("e-1", "+12135550002", "2026-05-04T10:00:00-07:00", ani: "+1-213-555-0100"),
            Dial("e-2", "+012135550003", "2026-05-04T10:00:00-07:00"),
            Dial("e-3", "+12135550004", "2026-05-04T10:00:00-07:00"), // valid
        ]);

        Assert.That(status, Is.EqualTo(HttpStatusCode.OK), body?.ToJsonString());
        var data = body!["data"]!;
        Assert.Multiple(() =>
        {
            Assert.That(data["accepted"]!.GetValue<long>(), Is.EqualTo(1));
            Assert.That(data["rejected"]!.AsArray().Select(rejection => rejection!["index"]!.GetValue<long>()), Is.EqualTo(new long[] { 0, 1, 2 }));
            Assert.That(data["rejected"]![0]!["message"]!.GetValue<string>(), Does.StartWith("prospectNumber").And.Contain("E.164"));
            Assert.That(data["rejected"]![1]!["message"]!.GetValue<string>(), Does.StartWith("aniNumber").And.Contain("E.164"));
            Assert.That(data["rejected"]![2]!["message"]!.GetValue<string>(), Does.StartWith("prospectNumber").And.Contain("E.164"));
        });
    }

    /// <summary>
    /// Numbers as US dialers export them and UTC times without an offset. The company keeps New
    /// York's clock (the default for us): 02:00 and 03:59:59 UTC on May 5 are still May 4 there
    /// (EDT, -4), 04:00 UTC is May 5.
    /// </summary>
    [Test]
    public async Task National_numbers_and_utc_times_without_an_offset_are_read_on_the_companys_clock()
    {
        var token = await CompanyWithSalesAsync();
        await PutAnisAsync(token, Ani("(212) 555-0101"));

        await ImportAsync(token,
            Dial("n-0", "(212) 555-0001", "2026-05-05 02:00:00", contacted: true, ani: "2125550101"),
            Dial("n-1", "212.555.0002", "2026-05-05T03:59:59", ani: "1-212-555-0101"),
            Dial("n-2", "2125550003", "2026-05-05 04:00:00", ani: "+12125550101"));
        var (status, again) = await PostDialsAsync(token, [Dial("n-0", "+12125550001", "2026-05-05T02:00:00Z", ani: "+12125550101")]);

        var monday = await GenerateAsync(token, new JsonObject { ["dateStart"] = "2026-05-04", ["dateEnd"] = "2026-05-04", ["groupBy"] = "ani" });
        var tuesday = await GenerateAsync(token, new JsonObject { ["dateStart"] = "2026-05-05", ["dateEnd"] = "2026-05-05", ["groupBy"] = "ani" });
        var anis = await SendAsync(HttpMethod.Get, $"{Url}/anis", token);

        Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
        Assert.Multiple(() =>
        {
            Assert.That(again!["data"]!["duplicates"]!.GetValue<long>(), Is.EqualTo(1), "a call id is a call id however its numbers were written");
            // One ANI however written: the inventory's (212) 555-0101 is the dials' 2125550101.
            AssertRows(monday, Row("New York", "NY", ["212"], 2, 1, 3, 2));
            AssertTotals(monday, totalDials: 2, totalContacts: 1, overallContactRate: 50.0m, totalCurrentAnis: 1, totalProposedAnis: 3, aniDifference: 2, unmappedDials: 0);
            AssertRows(tuesday, Row("New York", "NY", ["212"], 1, 1, 3, 2));
            Assert.That(anis.Body!["data"]!["items"]![0]!["number"]!.GetValue<string>(), Is.EqualTo("+12125550101"));
        });
    }

    /// <summary>15:30 UTC on Monday May 4 is 00:30 on Tuesday in Tokyo; a UK company reads 020 and 07 numbers as British.</summary>
    [Test]
    public async Task The_companys_time_zone_and_number_region_settle_the_day_and_the_numbers()
    {
        var token = await CompanyWithSalesAsync();
        var (settingsStatus, settings) = await SendAsync(HttpMethod.Put, $"{Url}/settings", token,
            new JsonObject { ["country"] = "uk", ["timeZone"] = "Asia/Tokyo" });
        Assert.That(settingsStatus, Is.EqualTo(HttpStatusCode.OK), settings?.ToJsonString());

        await ImportAsync(token,
            Dial("t-0", "020 7946 0001", "2026-05-04 15:30:00", ani: "020 7946 0100"),
            Dial("t-1", "07700 900123", "2026-05-04 14:59:59", ani: "020 7946 0100"));

        var monday = await GenerateAsync(token, Range("2026-05-04", "2026-05-04"));
        var tuesday = await GenerateAsync(token, Range("2026-05-05", "2026-05-05"));

        Assert.Multiple(() =>
        {
            AssertRows(monday, Row("Mobile", "7", ["7"], 1, 0, 2, 2));
            AssertRows(tuesday, Row("Greater London", "20", ["20"], 1, 0, 2, 2));
        });
    }

    [Test]
    public async Task Numbers_of_unknown_area_codes_are_accepted_but_fit_no_row()
    {
        // 211 is no area code: the dial is valid, its number possible, but it counts as unmapped.
        var token = await CompanyWithSalesAsync();
        await ImportAsync(token, Dial("u-1", "+12115550001", "2026-05-04T10:00:00-07:00"), Dial("u-2", "+12135550002", "2026-05-04T10:00:00-07:00"));

        var plan = await WeekPlanAsync(token);

        AssertRows(plan, Row("Los Angeles", "CA", ["213"], 1, 0, 3, 3));
        AssertTotals(plan, totalDials: 1, totalContacts: 0, overallContactRate: 0m, totalCurrentAnis: 0, totalProposedAnis: 3, aniDifference: 3, unmappedDials: 1);
    }

    [Test]
    public async Task Only_the_first_thousand_rejections_are_itemised_but_all_are_counted()
    {
        var token = await CompanyWithSalesAsync();

        // 1001 rows of an unknown campaign and one valid row.
        var (status, body) = await PostDialsAsync(token,
            Dials("bad", 1001, "+12135550001", "2026-05-04T10:00:00-07:00", campaign: "unknown")
                .Append(Dial("good", "+12135550002", "2026-05-04T10:00:00-07:00")));

        Assert.That(status, Is.EqualTo(HttpStatusCode.OK), body?.ToJsonString()[..200]);
        var data = body!["data"]!;
        Assert.Multiple(() =>
        {
            Assert.That(data["accepted"]!.GetValue<long>(), Is.EqualTo(1));
            Assert.That(data["rejectedCount"]!.GetValue<long>(), Is.EqualTo(1001));
            Assert.That(data["rejected"]!.AsArray(), Has.Count.EqualTo(1000));
            Assert.That(data["rejected"]![999]!["index"]!.GetValue<long>(), Is.EqualTo(999));
            Assert.That(data["rejected"]![999]!["callId"]!.GetValue<string>(), Is.EqualTo("bad-999"));
        });
    }

    [Test]
    public async Task A_dial_of_another_companys_campaign_is_rejected()
    {
        var owner = await NewCompanyAsync("Owner");
        await PutCampaignAsync(owner, "owner-sales");
        var other = await CompanyWithSalesAsync();

        var (status, body) = await PostDialsAsync(other, [Dial("x-1", "+12135550001", "2026-05-04T10:00:00-07:00", campaign: "owner-sales")]);

        Assert.That(status, Is.EqualTo(HttpStatusCode.OK), body?.ToJsonString());
        Assert.That(body!["data"]!["rejected"]![0]!["message"]!.GetValue<string>(), Does.Contain("campaign 'owner-sales'"));
        Assert.That(body["data"]!["accepted"]!.GetValue<long>(), Is.EqualTo(0));
    }

    [Test]
    public async Task The_same_call_id_at_another_company_is_not_a_duplicate()
    {
        var first = await CompanyWithSalesAsync();
        await ImportAsync(first, Dial("shared-1", "+12135550001", "2026-05-04T10:00:00-07:00"));
        var second = await CompanyWithSalesAsync();

        var (status, body) = await PostDialsAsync(second, [Dial("shared-1", "+12125550001", "2026-05-04T10:00:00-04:00")]);

        Assert.That(status, Is.EqualTo(HttpStatusCode.OK), body?.ToJsonString());
        Assert.That(body!["data"]!.ToJsonString(), Is.EqualTo(ImportResult(1, 0, [], 0).ToJsonString()));
        AssertRows(await WeekPlanAsync(second), Row("New York", "NY", ["212"], 1, 0, 3, 3));
        AssertRows(await WeekPlanAsync(first), Row("Los Angeles", "CA", ["213"], 1, 0, 3, 3));
    }

    [Test]
    public async Task Another_content_type_is_refused_as_unsupported()
    {
        var token = await CompanyWithSalesAsync();

        AssertFailure(await SendRawAsync(HttpMethod.Post, $"{Url}/dials", token, "callId=1", "text/plain"), HttpStatusCode.UnsupportedMediaType);
    }
}
