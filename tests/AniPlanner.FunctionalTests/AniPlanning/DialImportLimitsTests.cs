using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using AniPlanner.Application.AniPlanning.ImportDials;
using AniPlanner.FunctionalTests.Infrastructure;

namespace AniPlanner.FunctionalTests.AniPlanning;

/// <summary>
/// No dial row, and no list of rejections, grows with what a client sends: an over-long NDJSON
/// line is rejected on its own; an over-long CSV record (an unclosed quote) or JSON element
/// refuses the request with 413 and stores nothing; itemised rejections stay within their budget
/// and quote input only in part.
/// </summary>
public sealed class DialImportLimitsTests(DatabaseKind kind) : AniPlanningTestBase(kind)
{
    private static readonly int MaxRowLength = new DialImportOptions().MaxRowLength;
    private static readonly string Huge = new('x', MaxRowLength + 10);

    private async Task<string> CompanyWithSalesAsync()
    {
        var token = await NewCompanyAsync();
        await PutCampaignAsync(token, "sales");
        return token;
    }

    [Test]
    public async Task An_over_long_ndjson_line_is_rejected_and_the_rest_is_imported()
    {
        var token = await CompanyWithSalesAsync();
        var ndjson = string.Join('\n',
            Dial("n-1", "+12135550001", "2026-05-04T10:00:00-07:00").ToJsonString(),
            $$"""{"callId":"n-2","campaign":"{{Huge}}"}""",
            Dial("n-3", "+12135550003", "2026-05-04T10:00:00-07:00").ToJsonString());

        var (status, body) = await SendRawAsync(HttpMethod.Post, $"{Url}/dials", token, ndjson, "application/x-ndjson");

        Assert.That(status, Is.EqualTo(HttpStatusCode.OK), body?.ToJsonString());
        var data = body!["data"]!;
        Assert.Multiple(() =>
        {
            Assert.That(data["accepted"]!.GetValue<long>(), Is.EqualTo(2));
            Assert.That(data["rejectedCount"]!.GetValue<long>(), Is.EqualTo(1));
            Assert.That(data["rejected"]![0]!["index"]!.GetValue<long>(), Is.EqualTo(1));
            Assert.That(data["rejected"]![0]!["message"]!.GetValue<string>(), Does.Contain($"longer than {MaxRowLength} characters"));
        });
    }

    [Test]
    public async Task A_csv_quote_that_never_closes_refuses_the_request_with_413_and_stores_nothing()
    {
        var token = await CompanyWithSalesAsync();
        var csv = new StringBuilder("callId,campaign,dialedAt,prospectNumber,aniNumber,contacted\n")
            .Append("c-1,sales,2026-05-04T10:00:00-07:00,+12135550001,+12135550100,true\n")
            .Append("c-2,\"sales,2026-05-04T10:00:00-07:00,+12135550002,+12135550100,true\n");
        for (var line = 0; csv.Length < MaxRowLength * 3; line++)
        {
            csv.Append(FormattableString.Invariant($"c-{line + 3},sales,2026-05-04T10:00:00-07:00,+12135550003,+12135550100,true\n"));
        }

        var response = await SendRawAsync(HttpMethod.Post, $"{Url}/dials", token, csv.ToString(), "text/csv");

        AssertPlannerError(response, HttpStatusCode.RequestEntityTooLarge, "never closed");
        Assert.That((await PostDialsAsync(token, [Dial("c-1", "+12135550001", "2026-05-04T10:00:00-07:00")])).Body!["data"]!["accepted"]!.GetValue<long>(),
            Is.EqualTo(1), "the refused request stored nothing");
    }

    [Test]
    public async Task An_over_long_json_array_element_refuses_the_request_with_413_and_stores_nothing()
    {
        var token = await CompanyWithSalesAsync();
        var json = $$"""[{{Dial("j-1", "+12135550001", "2026-05-04T10:00:00-07:00").ToJsonString()}}, {"callId":"j-2","campaign":"{{string.Concat(Enumerable.Repeat(Huge, 10))}}"}]""";

        var response = await SendRawAsync(HttpMethod.Post, $"{Url}/dials", token, json);

        AssertPlannerError(response, HttpStatusCode.RequestEntityTooLarge, $"longer than {MaxRowLength} bytes");
        Assert.That((await PostDialsAsync(token, [Dial("j-1", "+12135550001", "2026-05-04T10:00:00-07:00")])).Body!["data"]!["accepted"]!.GetValue<long>(),
            Is.EqualTo(1), "the refused request stored nothing");
    }

    [Test]
    public async Task Rejections_quote_input_in_part_and_stay_within_their_byte_budget()
    {
        var token = await CompanyWithSalesAsync();
        var longCampaign = new string('c', MaxRowLength / 2);
        var rows = Enumerable.Range(0, 1000).Select(index => Dial($"r-{index}", "+12135550001", "2026-05-04T10:00:00-07:00", campaign: longCampaign));

        var (status, body) = await PostDialsAsync(token, rows);

        Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
        var data = body!["data"]!;
        var itemised = data["rejected"]!.AsArray();
        Assert.Multiple(() =>
        {
            Assert.That(data["rejectedCount"]!.GetValue<long>(), Is.EqualTo(1000));
            Assert.That(itemised, Is.Not.Empty);
            Assert.That(itemised[0]!["message"]!.GetValue<string>(), Does.Contain("…").And.Length.LessThan(400));
            Assert.That(Encoding.UTF8.GetByteCount(body.ToJsonString()), Is.LessThan(new DialImportOptions().MaxRejectionBytes + 4096));
        });
    }

    private static void AssertPlannerError((HttpStatusCode Status, JsonNode? Body) response, HttpStatusCode status, string messageContains)
    {
        Assert.That(response.Status, Is.EqualTo(status), response.Body?.ToJsonString());
        Assert.Multiple(() =>
        {
            Assert.That(response.Body!["success"]!.GetValue<bool>(), Is.False);
            Assert.That(response.Body["message"]!.GetValue<string>(), Does.Contain(messageContains).And.Contain("Nothing of this request was stored"));
        });
    }
}
