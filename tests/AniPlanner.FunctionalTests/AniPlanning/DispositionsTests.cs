using System.Net;
using System.Text.Json.Nodes;
using AniPlanner.Application.AniPlanning.Common;
using AniPlanner.Application.AniPlanning.ImportDials;
using AniPlanner.Application.Common.Persistence;
using AniPlanner.Domain.AniPlanning.Campaigns;
using AniPlanner.Domain.AniPlanning.Dispositions;
using AniPlanner.FunctionalTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace AniPlanner.FunctionalTests.AniPlanning;

/// <summary>
/// Dispositions: declared by the dialer (<c>PUT/GET/DELETE /ani-planner/dispositions/{id}</c>),
/// recorded from dials when their name is new, and the re-count of every stored dial (rollups
/// included) when a contact flag changes. Effects are read back through plans of Mon 4 .. Fri 8
/// May 2026 by every path a plan reads: the totals of all campaigns, the rollup by campaign
/// (a campaign filter), and each grouping.
/// </summary>
public sealed class DispositionsTests(DatabaseKind kind) : AniPlanningTestBase(kind)
{
    private static JsonObject Body(string name, bool contact, string type = "Agent", bool success = false) =>
        new() { ["name"] = name, ["type"] = type, ["contact"] = contact, ["success"] = success };

    private static string Json(string id, string name, string type, bool contact, bool success, bool declared) =>
        new JsonObject { ["id"] = id, ["name"] = name, ["type"] = type, ["contact"] = contact, ["success"] = success, ["declared"] = declared }.ToJsonString();

    private async Task<JsonNode> PutAsync(string token, string id, JsonObject body)
    {
        var (status, answer) = await SendAsync(HttpMethod.Put, $"{Url}/dispositions/{id}", token, body);
        Assert.That(status, Is.EqualTo(HttpStatusCode.OK), answer?.ToJsonString());
        return answer!["data"]!;
    }

    private async Task<JsonArray> ListAsync(string token)
    {
        var (status, answer) = await SendAsync(HttpMethod.Get, $"{Url}/dispositions", token);
        Assert.That(status, Is.EqualTo(HttpStatusCode.OK), answer?.ToJsonString());
        return answer!["data"]!.AsArray();
    }

    /// <summary>Dialer records of campaign "sales" on Monday May 4, 15:00 UTC, from the ANI 213-555-0100 to prospects in 213 with ZIP 90001.</summary>
    private async Task SendDialsAsync(string token, params (string DialId, string Disposition)[] dials)
    {
        var records = new JsonArray([.. dials.Select(dial => (JsonNode)new JsonObject
        {
            ["dial_id"] = dial.DialId,
            ["campaign_id"] = "sales",
            ["campaign_name"] = "Sales",
            ["ani"] = "2135550100",
            ["prospect_phone"] = "2135550111",
            ["zip"] = "90001",
            ["datetime"] = "2026-05-04 15:00:00",
            ["call_direction"] = "Outbound",
            ["disposition_name"] = dial.Disposition,
        })]);
        var (status, answer) = await SendAsync(HttpMethod.Post, "/dials", token, records);
        Assert.That(status, Is.EqualTo(HttpStatusCode.OK), answer?.ToJsonString());
        Assert.That(answer!["accepted"]!.GetValue<long>(), Is.EqualTo(dials.Length), answer.ToJsonString());
    }

    /// <summary>The plan's contacts by each path a plan reads: all campaigns (totals), one campaign (rollup), and the ani and zip groupings.</summary>
    private async Task<long[]> ContactsAsync(string token)
    {
        var counts = new List<long>();
        foreach (var (groupBy, campaigns) in new[] { ("area_code", false), ("area_code", true), ("ani", false), ("zip", true) })
        {
            var body = Range("2026-05-04", "2026-05-08");
            body["groupBy"] = groupBy;
            if (campaigns)
            {
                body["campaigns"] = new JsonArray("sales");
            }

            counts.Add((await GenerateAsync(token, body))["totalContacts"]!.GetValue<long>());
        }

        return [.. counts];
    }

    private static long[] Everywhere(long contacts) => [contacts, contacts, contacts, contacts];

    [Test]
    public async Task A_disposition_is_declared_read_listed_replaced_and_deleted()
    {
        var token = await NewCompanyAsync();

        var created = await PutAsync(token, "17", Body("Answering Machine", contact: false, type: "system"));
        var replaced = await PutAsync(token, "17", Body("Answering machine ", contact: false, type: "System", success: true));
        await PutAsync(token, "sale", Body("Sale", contact: true, success: true));
        var read = await SendAsync(HttpMethod.Get, $"{Url}/dispositions/17", token);
        var listed = await ListAsync(token);
        var deleted = await SendAsync(HttpMethod.Delete, $"{Url}/dispositions/17", token);
        var gone = await SendAsync(HttpMethod.Get, $"{Url}/dispositions/17", token);

        Assert.Multiple(async () =>
        {
            Assert.That(created.ToJsonString(), Is.EqualTo(Json("17", "Answering Machine", "System", false, false, true)));
            Assert.That(replaced.ToJsonString(), Is.EqualTo(Json("17", "Answering machine", "System", false, true, true)), "the name trimmed");
            Assert.That(read.Body!["data"]!.ToJsonString(), Is.EqualTo(replaced.ToJsonString()));
            Assert.That(listed.ToJsonString(), Is.EqualTo($"[{replaced.ToJsonString()},{Json("sale", "Sale", "Agent", true, true, true)}]"), "by name");
            Assert.That(deleted.Status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(deleted.Body!["data"]!.ToJsonString(), Is.EqualTo(replaced.ToJsonString()));
            AssertFailure(gone, HttpStatusCode.NotFound, "Disposition '17' was not found");
            Assert.That(await AuditRowsAsync("17", "create"), Is.EqualTo(1));
            Assert.That(await AuditRowsAsync("17", "update"), Is.EqualTo(1));
            Assert.That(await AuditRowsAsync("17", "delete"), Is.EqualTo(1));
        });
    }

    [TestCase("bad id!", """{"name": "Sale", "type": "Agent", "contact": true, "success": true}""", "The disposition id 'bad id!' must be 1 to 64 letters")]
    [TestCase("1", """{"type": "Agent", "contact": true, "success": true}""", "name is required")]
    [TestCase("1", """{"name": "  ", "type": "Agent", "contact": true, "success": true}""", "name is required")]
    [TestCase("1", """{"name": "Sale", "type": "Robot", "contact": true, "success": true}""", "type must be \"System\" or \"Agent\"; got 'Robot'")]
    [TestCase("1", """{"name": "Sale", "type": "Agent", "success": true}""", "contact is required")]
    [TestCase("1", """{"name": "Sale", "type": "Agent", "contact": "yes", "success": true}""", "contact must be true or false")]
    [TestCase("1", """{"name": "Sale", "type": "Agent", "contact": true}""", "success is required")]
    public async Task A_bad_declaration_is_refused_naming_the_field(string id, string body, string message)
    {
        var token = await NewCompanyAsync();

        AssertFailure(await SendRawAsync(HttpMethod.Put, $"{Url}/dispositions/{Uri.EscapeDataString(id)}", token, body), HttpStatusCode.BadRequest, message);
        Assert.That(await ListAsync(token), Is.Empty);
    }

    [TestCase("GET")]
    [TestCase("DELETE")]
    public async Task An_id_no_disposition_can_have_is_a_400_saying_what_ids_are(string method)
    {
        var token = await NewCompanyAsync();

        AssertFailure(await SendAsync(new HttpMethod(method), $"{Url}/dispositions/bad%20id", token), HttpStatusCode.BadRequest,
            "The disposition id 'bad id' must be 1 to 64 letters, digits, '.', '_' or '-'.");
        AssertFailure(await SendAsync(new HttpMethod(method), $"{Url}/dispositions/{new string('x', 65)}", token), HttpStatusCode.BadRequest, "must be 1 to 64");
    }

    [Test]
    public async Task A_name_another_declared_disposition_has_is_refused_whatever_its_case()
    {
        var token = await NewCompanyAsync();
        await PutAsync(token, "1", Body("Sale", contact: true));
        await PutAsync(token, "2", Body("No Sale", contact: true));

        AssertFailure(await SendAsync(HttpMethod.Put, $"{Url}/dispositions/3", token, Body("SALE", contact: false)), HttpStatusCode.BadRequest, "name 'SALE' is disposition '1''s");
        AssertFailure(await SendAsync(HttpMethod.Put, $"{Url}/dispositions/2", token, Body("sale", contact: false)), HttpStatusCode.BadRequest, "name 'sale' is disposition '1''s");
    }

    [Test]
    public async Task A_planner_reads_dispositions_but_may_not_change_them()
    {
        var token = await NewCompanyAsync();
        await PutAsync(token, "1", Body("Sale", contact: true));
        var planner = (await SendAsync(HttpMethod.Post, "/v1.0/accesskeys", token, new JsonObject { ["name"] = "reader", ["permission"] = "planner" })).Body!["token"]!.GetValue<string>();

        Assert.Multiple(async () =>
        {
            Assert.That((await SendAsync(HttpMethod.Get, $"{Url}/dispositions", planner)).Status, Is.EqualTo(HttpStatusCode.OK));
            AssertFailure(await SendAsync(HttpMethod.Put, $"{Url}/dispositions/1", planner, Body("Sale", contact: false)), HttpStatusCode.Forbidden, "manager");
            AssertFailure(await SendAsync(HttpMethod.Delete, $"{Url}/dispositions/1", planner), HttpStatusCode.Forbidden, "manager");
            AssertFailure(await SendAsync(HttpMethod.Get, $"{Url}/dispositions/1", await NewCompanyAsync("Another Company")), HttpStatusCode.NotFound);
        });
    }

    /// <summary>
    /// Four dials: two Sales (a contact), one No Answer (not), one Voicemail, a name the company
    /// never declared: recorded, not a contact, listed for an admin to mark. Contacts 2; marking
    /// Voicemail a contact makes 3 everywhere; Sale no longer a contact, 1.
    /// </summary>
    [Test]
    public async Task Changing_a_contact_flag_recounts_every_stored_dial_and_every_rollup()
    {
        var token = await NewCompanyAsync();
        await PutAsync(token, "1", Body("Sale", contact: true));
        await PutAsync(token, "2", Body("No Answer", contact: false));
        await SendDialsAsync(token, ("d-0", "Sale"), ("d-1", "sale"), ("d-2", "No Answer"), ("d-3", " Voicemail "));

        var before = await ContactsAsync(token);
        var recorded = (await ListAsync(token)).Single(item => item!["name"]!.GetValue<string>() == "Voicemail")!;
        var recordedId = recorded["id"]!.GetValue<string>();
        await PutAsync(token, recordedId, Body("Voicemail", contact: true));
        var marked = await ContactsAsync(token);
        await PutAsync(token, "1", Body("Sale", contact: false));
        var saleNoMore = await ContactsAsync(token);
        await PutAsync(token, "1", Body("Sale", contact: false, success: true));
        var unchanged = await ContactsAsync(token);

        Assert.Multiple(() =>
        {
            Assert.That(recorded.ToJsonString(), Is.EqualTo(Json(recordedId, "Voicemail", "Agent", false, false, false)));
            Assert.That(recordedId, Does.StartWith("recorded-"));
            Assert.That(before, Is.EqualTo(Everywhere(2)));
            Assert.That(marked, Is.EqualTo(Everywhere(3)));
            Assert.That(saleNoMore, Is.EqualTo(Everywhere(1)));
            Assert.That(unchanged, Is.EqualTo(Everywhere(1)), "success changed, contact did not");
        });
    }

    [Test]
    public async Task A_recorded_disposition_renamed_leaves_its_old_name_free_to_be_recorded_again()
    {
        var token = await NewCompanyAsync();
        await SendDialsAsync(token, ("d-0", "Voicemail"));
        var recordedId = (await ListAsync(token)).Single()!["id"]!.GetValue<string>();
        await PutAsync(token, recordedId, Body("Voicemail (agent)", contact: true));

        await SendDialsAsync(token, ("d-1", "Voicemail"));
        var listed = await ListAsync(token);

        Assert.Multiple(async () =>
        {
            Assert.That(listed.Select(item => (item!["name"]!.GetValue<string>(), item["contact"]!.GetValue<bool>(), item["declared"]!.GetValue<bool>())),
                Is.EqualTo(new[] { ("Voicemail", false, false), ("Voicemail (agent)", true, true) }));
            Assert.That(listed.Select(item => item!["id"]!.GetValue<string>()).Distinct().Count(), Is.EqualTo(2));
            Assert.That(await ContactsAsync(token), Is.EqualTo(Everywhere(1)), "d-0 under the renamed one, d-1 under the name recorded again");
        });
    }

    [Test]
    public async Task Dials_after_a_change_count_by_the_new_flag()
    {
        var token = await NewCompanyAsync();
        await PutAsync(token, "1", Body("Sale", contact: false));
        await SendDialsAsync(token, ("d-0", "Sale"));
        await PutAsync(token, "1", Body("Sale", contact: true));
        await SendDialsAsync(token, ("d-1", "Sale"));

        Assert.That(await ContactsAsync(token), Is.EqualTo(Everywhere(2)));
    }

    [Test]
    public async Task Declaring_a_name_dials_recorded_takes_it_over_with_its_dials()
    {
        var token = await NewCompanyAsync();
        await SendDialsAsync(token, ("d-0", "Callback Requested"), ("d-1", "Callback Requested"));

        var declared = await PutAsync(token, "42", Body("callback requested", contact: true, type: "System"));
        var listed = await ListAsync(token);

        Assert.Multiple(async () =>
        {
            Assert.That(declared.ToJsonString(), Is.EqualTo(Json("42", "callback requested", "System", true, false, true)));
            Assert.That(listed.ToJsonString(), Is.EqualTo($"[{declared.ToJsonString()}]"), "one disposition: the recorded one, now the dialer's 42");
            Assert.That(await ContactsAsync(token), Is.EqualTo(Everywhere(2)));
        });
    }

    [Test]
    public async Task A_deleted_dispositions_dials_keep_their_counts_and_its_name_is_recorded_anew()
    {
        var token = await NewCompanyAsync();
        await PutAsync(token, "1", Body("Sale", contact: true));
        await SendDialsAsync(token, ("d-0", "Sale"));
        await SendAsync(HttpMethod.Delete, $"{Url}/dispositions/1", token);
        await SendDialsAsync(token, ("d-1", "Sale"));
        var listed = await ListAsync(token);

        // d-0 stays a contact; d-1 met a name no disposition had: recorded, not a contact.
        Assert.Multiple(async () =>
        {
            Assert.That(await ContactsAsync(token), Is.EqualTo(Everywhere(1)));
            Assert.That(listed.Select(item => (item!["name"]!.GetValue<string>(), item["declared"]!.GetValue<bool>())), Is.EqualTo(new[] { ("Sale", false) }));
        });

        // Declaring it again takes the recorded one over; only d-1 names it now, and it becomes a contact.
        await PutAsync(token, "1", Body("Sale", contact: true));
        Assert.That(await ContactsAsync(token), Is.EqualTo(Everywhere(2)));
    }

    /// <summary>
    /// An import that read "Sale" as no contact is still running when "Sale" becomes one. On SQLite
    /// the change waits for the import (the company's import turn); on a server the import's commit
    /// follows the flag as it is then. Either way the dial ends up counted as a contact, once.
    /// </summary>
    [Test]
    public async Task A_flag_changed_while_an_import_runs_counts_that_imports_dials_by_the_new_flag()
    {
        var (customerId, token) = await CreateCustomerAsync();
        await PutAsync(token, "1", Body("Sale", contact: false));
        await SendDialsAsync(token, ("d-0", "Sale"));

        await using var scope = Factory.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var sale = (await services.GetRequiredService<IRepository<Disposition>>().FirstOrDefaultAsync(new DispositionByIdentifierSpec(customerId, "1"), CancellationToken.None))!;
        var campaign = (await services.GetRequiredService<IRepository<Campaign>>().FirstOrDefaultAsync(new CampaignByIdentifierSpec(customerId, "sales"), CancellationToken.None))!;
        var geography = services.GetRequiredService<IPhoneGeography>();
        geography.TryLocate("+12135550112", out var prospect, out _);
        geography.TryLocate("+12135550100", out var ani, out _);
        var dial = new StagedDial("d-1", campaign.Id, new DateTime(2026, 5, 4, 15, 0, 0, DateTimeKind.Utc), new DateOnly(2026, 5, 4), "+12135550112", "+12135550100",
            "90001", Contacted: false, prospect.AreaKey, ani.AreaKey, geography.ZipAreaKey("90001"), sale.Id);

        await using (var import = await services.GetRequiredService<IDialStore>().BeginImportAsync(customerId, CancellationToken.None))
        {
            await import.StageAsync(dial, CancellationToken.None);
            var change = PutAsync(token, "1", Body("Sale", contact: true));
            if (Kind == DatabaseKind.Sqlite)
            {
                await Task.Delay(500);
                Assert.That(change.IsCompleted, Is.False, "on SQLite the change waits for the company's running import");
            }
            else
            {
                await change;
            }

            Assert.That(await import.CommitAsync(CancellationToken.None), Is.EqualTo(new DialImportCounts(1, 0)));
            await change;
        }

        Assert.That(await ContactsAsync(token), Is.EqualTo(Everywhere(2)));
    }
}
