using System.Net;
using System.Text.Json.Nodes;
using AniPlanner.FunctionalTests.Infrastructure;

namespace AniPlanner.FunctionalTests.AniPlanning;

/// <summary>The ANI inventory: upsert by number, per-item rejections, and the paged list with each number's region.</summary>
public sealed class AniInventoryTests(DatabaseKind kind) : AniPlanningTestBase(kind)
{
    private static JsonObject Listed(string number, string status, bool managed, string country, string areaCode, string region, string state) => new()
    {
        ["number"] = number,
        ["status"] = status,
        ["managed"] = managed,
        ["country"] = country,
        ["areaCode"] = areaCode,
        ["region"] = region,
        ["state"] = state,
    };

    private async Task<JsonNode> ListAsync(string token, string query = "")
    {
        var (status, body) = await SendAsync(HttpMethod.Get, $"{Url}/anis{query}", token);
        Assert.That(status, Is.EqualTo(HttpStatusCode.OK), body?.ToJsonString());
        Assert.That(body!["success"]!.GetValue<bool>(), Is.True);
        return body["data"]!;
    }

    [Test]
    public async Task Listed_anis_show_their_country_area_code_and_plan_row()
    {
        var token = await NewCompanyAsync();
        await PutAnisAsync(token,
            Ani("+13105550102", "inactive", managed: false),
            Ani("+14375550101"),
            Ani("+18885550103"),
            Ani("+442079460104", "removed"),
            Ani("+447700900105"),
            Ani("+448001234106"),
            Ani("+33142685307"));

        var data = await ListAsync(token);

        // By number, as strings: "+1310..." < "+1437..." < "+1888..." < "+33..." < "+44207..." < "+44770..." < "+44800...".
        Assert.That(data.ToJsonString(), Is.EqualTo(new JsonObject
        {
            ["items"] = new JsonArray(
                Listed("+13105550102", "inactive", false, "US", "310", "Los Angeles", "CA"),
                Listed("+14375550101", "active", true, "CA", "437", "Toronto", "ON"),
                Listed("+18885550103", "active", true, "US", "888", "Toll-Free", "TF"),
                Listed("+33142685307", "active", true, "FR", "", "", ""), // foreign: no area, no row
                Listed("+442079460104", "removed", true, "GB", "20", "Greater London", "20"),
                Listed("+447700900105", "active", true, "GB", "7", "Mobile", "7"),
                Listed("+448001234106", "active", true, "GB", "800", "", "")), // freephone: never a row
            ["page"] = 1,
            ["pageSize"] = 100,
            ["totalCount"] = 7,
        }.ToJsonString()));
    }

    [TestCase(1, 2, new[] { "+12135550001", "+12135550002" })]
    [TestCase(2, 2, new[] { "+12135550003", "+12135550004" })]
    [TestCase(3, 2, new[] { "+12135550005" })]
    [TestCase(4, 2, new string[0])]
    [TestCase(1, 5, new[] { "+12135550001", "+12135550002", "+12135550003", "+12135550004", "+12135550005" })]
    public async Task The_list_pages_by_number(int page, int pageSize, string[] numbers)
    {
        var token = await NewCompanyAsync();
        // Sent out of order: the list sorts by number.
        await PutAnisAsync(token, Ani("+12135550004"), Ani("+12135550002"), Ani("+12135550005"), Ani("+12135550001"), Ani("+12135550003"));

        var data = await ListAsync(token, $"?page={page}&pageSize={pageSize}");

        Assert.Multiple(() =>
        {
            Assert.That(data["items"]!.AsArray().Select(item => item!["number"]!.GetValue<string>()), Is.EqualTo(numbers));
            Assert.That(data["page"]!.GetValue<int>(), Is.EqualTo(page));
            Assert.That(data["pageSize"]!.GetValue<int>(), Is.EqualTo(pageSize));
            Assert.That(data["totalCount"]!.GetValue<int>(), Is.EqualTo(5));
        });
    }

    [TestCase(3_000_000, 1000)]
    [TestCase(int.MaxValue, 1000)]
    public async Task A_page_far_past_the_end_is_empty(int page, int pageSize)
    {
        // (3,000,000 - 1) x 1000 = 2,999,999,000 numbers to skip: more than an int holds, and far more than 1 ANI.
        var token = await NewCompanyAsync();
        await PutAnisAsync(token, Ani("+12135550001"));

        var data = await ListAsync(token, $"?page={page}&pageSize={pageSize}");

        Assert.Multiple(() =>
        {
            Assert.That(data["items"]!.AsArray(), Is.Empty);
            Assert.That(data["page"]!.GetValue<int>(), Is.EqualTo(page));
            Assert.That(data["totalCount"]!.GetValue<int>(), Is.EqualTo(1));
        });
    }

    [TestCase("?page=0", "page")]
    [TestCase("?pageSize=0", "pageSize")]
    [TestCase("?pageSize=1001", "pageSize")]
    [TestCase("?page=first", "page")]
    public async Task An_invalid_page_is_refused(string query, string field)
    {
        var token = await NewCompanyAsync();

        AssertFailure(await SendAsync(HttpMethod.Get, $"{Url}/anis{query}", token), HttpStatusCode.BadRequest, field);
    }

    [Test]
    public async Task Upserting_a_known_number_updates_its_status_and_managed_flag()
    {
        var token = await NewCompanyAsync();
        await PutAnisAsync(token, Ani("+12135550001"), Ani("+12135550002"));

        await PutAnisAsync(token, Ani("+12135550001", "inactive", managed: false));

        var data = await ListAsync(token);
        Assert.That(data["items"]!.ToJsonString(), Is.EqualTo(new JsonArray(
            Listed("+12135550001", "inactive", false, "US", "213", "Los Angeles", "CA"),
            Listed("+12135550002", "active", true, "US", "213", "Los Angeles", "CA")).ToJsonString()));
        Assert.That(data["totalCount"]!.GetValue<int>(), Is.EqualTo(2), "updated in place, not added");
    }

    [Test]
    public async Task Invalid_items_are_rejected_by_index_and_the_others_saved()
    {
        var token = await NewCompanyAsync();
        var noManaged = new JsonObject { ["number"] = "+12135550004", ["status"] = "active" };

        var (status, body) = await SendAsync(HttpMethod.Post, $"{Url}/anis", token, new JsonArray(
            Ani("+12135550001"),
            Ani("213555000"),
            Ani("+12135550003", status: "retired"),
            noManaged,
            null,
            Ani("+1213"),
            Ani("+12135550006", "removed", managed: false)));

        Assert.That(status, Is.EqualTo(HttpStatusCode.OK), body?.ToJsonString());
        var data = body!["data"]!;
        Assert.That(data["upserted"]!.GetValue<int>(), Is.EqualTo(2), "items 0 and 6");
        var rejected = data["rejected"]!.AsArray();
        Assert.That(rejected.Select(item => item!["index"]!.GetValue<int>()), Is.EqualTo(new[] { 1, 2, 3, 4, 5 }), rejected.ToJsonString());
        Assert.Multiple(() =>
        {
            Assert.That(WireFormat.Keys(rejected[0]!), Is.EqualTo(new[] { "index", "message" }));
            Assert.That(rejected[0]!["message"]!.GetValue<string>(), Does.Contain("'213555000' is too short for a number of US"));
            Assert.That(rejected[1]!["message"]!.GetValue<string>(), Does.Contain("status").And.Contain("'retired'"));
            Assert.That(rejected[2]!["message"]!.GetValue<string>(), Does.Contain("managed"));
            Assert.That(rejected[3]!["message"]!.GetValue<string>(), Does.Contain("object"));
            Assert.That(rejected[4]!["message"]!.GetValue<string>(), Does.Contain("'+1213'"));
        });

        var list = await ListAsync(token);
        Assert.That(list["items"]!.AsArray().Select(item => item!["number"]!.GetValue<string>()), Is.EqualTo(new[] { "+12135550001", "+12135550006" }));
    }

    [Test]
    public async Task National_numbers_are_stored_as_e164_in_the_companys_number_region()
    {
        var token = await NewCompanyAsync();
        var uk = await NewCompanyAsync("British Dialers");
        var (settingsStatus, _) = await SendAsync(HttpMethod.Put, $"{Url}/settings", uk, new JsonObject { ["numberRegion"] = "uk" });

        // The same number written twice: one ANI, the later item's status.
        await PutAnisAsync(token, Ani("(213) 555-0001"), Ani("+12135550001", "inactive"), Ani("1 416 555 0102"));
        await PutAnisAsync(uk, Ani("020 7946 0102"), Ani("07700 900123"));

        Assert.That(settingsStatus, Is.EqualTo(HttpStatusCode.OK));
        var items = (await ListAsync(token))["items"]!.AsArray();
        var ukItems = (await ListAsync(uk))["items"]!.AsArray();
        Assert.Multiple(() =>
        {
            Assert.That(items.Select(item => (item!["number"]!.GetValue<string>(), item["status"]!.GetValue<string>(), item["areaCode"]!.GetValue<string>())),
                Is.EqualTo(new[] { ("+12135550001", "inactive", "213"), ("+14165550102", "active", "416") }));
            Assert.That(ukItems.Select(item => (item!["number"]!.GetValue<string>(), item["region"]!.GetValue<string>())),
                Is.EqualTo(new[] { ("+442079460102", "Greater London"), ("+447700900123", "Mobile") }));
        });
    }

    [TestCase("""[{"number": "+12135550001", "status": "active", "managed": "yes"}]""", "[0].managed must be true or false")]
    [TestCase("""[{"number": 12135550001, "status": "active", "managed": true}]""", "[0].number must be a string")]
    public async Task A_field_of_the_wrong_json_type_is_refused_saying_what_it_should_be(string raw, string message)
    {
        var token = await NewCompanyAsync();

        AssertFailure(await SendRawAsync(HttpMethod.Post, $"{Url}/anis", token, raw), HttpStatusCode.BadRequest, message);
    }

    [TestCase("[]")]
    [TestCase("""{"number": "+12135550001", "status": "active", "managed": true}""")]
    public async Task A_body_that_is_not_a_non_empty_array_is_refused(string raw)
    {
        var token = await NewCompanyAsync();

        AssertFailure(await SendRawAsync(HttpMethod.Post, $"{Url}/anis", token, raw), HttpStatusCode.BadRequest);
    }

    [Test]
    public async Task Another_companys_anis_are_not_listed()
    {
        var owner = await NewCompanyAsync("Owner");
        await PutAnisAsync(owner, Ani("+12135550001"));
        var other = await NewCompanyAsync("Other");
        await PutAnisAsync(other, Ani("+12135550001", "inactive"));

        var otherList = await ListAsync(other);
        var ownerList = await ListAsync(owner);

        Assert.Multiple(() =>
        {
            Assert.That(otherList["totalCount"]!.GetValue<int>(), Is.EqualTo(1));
            Assert.That(otherList["items"]![0]!["status"]!.GetValue<string>(), Is.EqualTo("inactive"));
            Assert.That(ownerList["totalCount"]!.GetValue<int>(), Is.EqualTo(1));
            Assert.That(ownerList["items"]![0]!["status"]!.GetValue<string>(), Is.EqualTo("active"), "the same number at another company is another ANI");
        });
    }
}
