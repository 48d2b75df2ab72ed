using System.Text.Json.Nodes;
using AniPlanner.FunctionalTests.GeneratedClient.Api;
using AniPlanner.FunctionalTests.Infrastructure;

namespace AniPlanner.FunctionalTests.GeneratedClient;

/// <summary>
/// A consumer's proof of the contract: the client generated from docs/openapi.json drives every
/// operation of both contracts against the running service. Successes deserialize into the
/// generated types (which check required fields, nullability and enum values), and every error
/// status the document lists for an operation comes back, as ApiException&lt;T&gt; of the
/// documented envelope.
/// </summary>
public sealed class GeneratedClientContractTests
{
    private const string Dialed = "2026-05-04T10:00:00Z";

    private static readonly JsonNode Document = JsonNode.Parse(File.ReadAllText(ClientGenerator.DocumentPath))!;

    private SqliteTestDatabase _database = null!;
    private FailureInjectingFactory _factory = null!;
    private ContractClient _client = null!;
    private Resources _resources = null!;
    private int _addresses;

    [OneTimeSetUp]
    public async Task StartService()
    {
        _database = new SqliteTestDatabase();
        _factory = new FailureInjectingFactory(_database);
        _client = new ContractClient(_factory);
        _resources = await Resources.CreateAsync(_client);
    }

    [OneTimeTearDown]
    public async Task StopService()
    {
        _client.Dispose();
        await _factory.DisposeAsync();
        await _database.DisposeAsync();
    }

    [SetUp]
    public void AsTheCustomersAdmin()
    {
        _client.Token = _resources.AdminToken;
        _client.Address = null;
        _client.Reshape = null;
    }

    [Test]
    public void Every_documented_operation_has_a_call_here()
    {
        var documented = Document["paths"]!.AsObject()
            .SelectMany(path => path.Value!.AsObject().Select(operation => operation.Value!["operationId"]!.GetValue<string>()));

        Assert.That(Operations().Select(operation => operation.Id), Is.EquivalentTo(documented));
    }

    [Test]
    public async Task Every_operation_succeeds_through_the_generated_client()
    {
        // VoIPBIN contract: outplans.
        var created = await _client.Outplans.CreateAsync(NewOutplan());
        Assert.That(created.Source.Type, Is.EqualTo(AddressDtoType.Tel));
        Assert.That((await _client.Outplans.ListAsync(page_size: 10)).Result, Has.Some.Matches<OutplanDto>(outplan => outplan.Id == created.Id));
        Assert.That((await _client.Outplans.GetAsync(created.Id)).Name, Is.EqualTo("contract outplan"));
        Assert.That((await _client.Outplans.UpdateAsync(created.Id, new NameAndDetailRequest { Name = "renamed" })).Name, Is.EqualTo("renamed"));
        Assert.That((await _client.Outplans.UpdateDialInfoAsync(created.Id, new DialInfoFields { Dial_timeout = 20000, Try_interval = 60000 })).Dial_timeout, Is.EqualTo(20000));
        Assert.That((await _client.Outplans.GetCallingWindowAsync(created.Id)).End, Is.EqualTo("24:00"), "an outplan without a window may dial any hour");
        Assert.That((await _client.Outplans.SetCallingWindowAsync(created.Id, WeekdayWindow())).Days, Is.EqualTo(new[] { Days.Mon, Days.Tue, Days.Wed, Days.Thu, Days.Fri }));
        var preview = await _client.Outplans.PreviewScheduleAsync(created.Id, new SchedulePreviewFields { Destinations = ["+12125550100"], Start = PreviewStart });
        Assert.That(preview.Destinations.Single().Time_zone_source, Is.EqualTo(ScheduledDestinationDtoTime_zone_source.Number));
        Assert.That(preview.Attempts.Select(attempt => attempt.Callee_times.Single().Time_zone), Is.All.EqualTo("America/New_York"));
        var inline = await _client.SchedulePreview.PreviewAsync(new StrategyPreviewFields
        {
            Dial_timeout = 30000, Try_interval = 60000, Max_try_count_0 = 2, Calling_window = WeekdayWindow(), Destinations = ["sip:desk@pbx.example.com"], Start = PreviewStart,
        });
        Assert.That((inline.Attempts.Count, inline.Last_ring_until), Is.EqualTo((2, inline.Attempts.Last().Ring_until)));
        Assert.That((await _client.Outplans.DeleteAsync(created.Id)).Tm_delete, Is.Not.EqualTo("9999-01-01 00:00:00.000000"));

        // Identity: access keys, users, login, audit trail, customers.
        var key = await _client.AccessKeys.CreateAsync(new CreateAccessKeyRequest { Name = "k", Permission = CreateAccessKeyRequestPermission.Planner, Expire = 86400 });
        Assert.That(key.Token, Does.StartWith("anip_"));
        Assert.That((await _client.AccessKeys.ListAsync()).Result.Select(listed => listed.Token), Is.All.Null, "lists leave the token out");
        Assert.That((await _client.AccessKeys.GetAsync(key.Id)).Permission, Is.EqualTo(AccessKeyDtoPermission.Planner));
        Assert.That((await _client.AccessKeys.UpdateAsync(key.Id, new NameAndDetailRequest { Name = "renamed" })).Name, Is.EqualTo("renamed"));
        Assert.That((await _client.AccessKeys.DeleteAsync(key.Id)).Id, Is.EqualTo(key.Id));
        var user = await _client.Users.CreateAsync(new CreateUserRequest { Username = "contract", Password = "long enough password", Permission = CreateUserRequestPermission.Manager });
        Assert.That((await _client.Users.ListAsync()).Result, Has.Some.Matches<UserDto>(listed => listed.Id == user.Id));
        Assert.That((await _client.Users.GetAsync(user.Id)).Username, Is.EqualTo("contract"));
        Assert.That((await _client.Users.UpdateAsync(user.Id, new UpdateUserRequest { Permission = UpdateUserRequestPermission.Admin })).Permission, Is.EqualTo(UserDtoPermission.Admin));
        await _client.Users.UpdatePasswordAsync(user.Id, new UserPasswordRequest { Password = "another long password" });
        Assert.That((await _client.Auth.LoginAsync(new LoginRequest { Username = "contract", Password = "another long password" })).Token, Is.Not.Empty);
        Assert.That((await _client.Users.DeleteAsync(user.Id)).Id, Is.EqualTo(user.Id));
        Assert.That((await _client.AuditLogs.ListAsync(page_size: 5)).Result, Has.Count.EqualTo(5));

        _client.Token = AniPlannerFactory.AdminKey;
        var customer = await _client.Customers.CreateAsync(new CreateCustomerRequest { Name = "Other" });
        Assert.That(customer.Accesskey.Permission, Is.EqualTo(AccessKeyDtoPermission.Admin));
        Assert.That((await _client.Customers.ListAsync()).Result, Has.Some.Matches<CustomerDto>(listed => listed.Id == customer.Id));
        Assert.That((await _client.Customers.GetAsync(customer.Id)).Name, Is.EqualTo("Other"));
        Assert.That((await _client.Customers.UpdateAsync(customer.Id, new NameAndDetailRequest { Name = "Renamed" })).Name, Is.EqualTo("Renamed"));
        Assert.That((await _client.Customers.DeleteAsync(customer.Id)).Id, Is.EqualTo(customer.Id));

        // ANI Planner contract.
        _client.Token = _resources.AdminToken;
        var outbound = (await _client.AniPlanner.UpsertCampaignAsync("contract-out", new UpsertCampaignRequest
        {
            Name = "Out", CampaignType = UpsertCampaignRequestCampaignType.Outbound, InboundCampaigns = ["contract-in"],
        })).Data;
        Assert.That(outbound.InboundCampaignNames, Is.EqualTo(new[] { "In" }));
        Assert.That((await _client.AniPlanner.ListCampaignsAsync()).Data.Select(campaign => campaign.CampaignType), Does.Contain(CampaignDtoCampaignType.Inbound));
        Assert.That((await _client.AniPlanner.UpsertAnisAsync([new AniInput { Number = "+12135550100", Status = AniInputStatus.Active, Managed = true }])).Data.Upserted, Is.EqualTo(1));
        Assert.That((await _client.AniPlanner.ListAnisAsync(page: 1, pageSize: 10)).Data.Items.Single().Status, Is.EqualTo(AniDtoStatus.Active));
        var imported = (await _client.AniPlanner.ImportDialsAsync([Dial("d-1"), Dial("d-2")])).Data;
        Assert.That(imported.Accepted, Is.EqualTo(2));
        var plan = (await _client.AniPlanner.GenerateAsync(new GeneratePlanRequest
        {
            DateStart = new DateOnly(2026, 5, 1), DateEnd = new DateOnly(2026, 5, 29), GroupBy = GeneratePlanRequestGroupBy.Area_code,
        })).Data;
        Assert.That((plan.GroupBy, plan.InventoryMode, plan.DateStart), Is.EqualTo((PlanDtoGroupBy.Area_code, PlanDtoInventoryMode.Managed, new DateOnly(2026, 5, 1))));
        Assert.That((await _client.AniPlanner.GenerateAsync()).Data.Country, Is.EqualTo(PlanDtoCountry.Us), "the body may be left out");
        Assert.That((await _client.AniPlanner.ListRegionsAsync(Country.Uk)).Data, Is.Not.Empty);
        Assert.That((await _client.AniPlanner.UpdateSettingsAsync(new PlannerSettingsRequest { Country = PlannerSettingsRequestCountry.Ca })).Data.Country, Is.EqualTo(PlannerSettingsDtoCountry.Ca));
        Assert.That((await _client.AniPlanner.UpdateSettingsAsync(new PlannerSettingsRequest { Country = null })).Data.Country, Is.Null, "null means: detect it");
        Assert.That((await _client.AniPlanner.GetSettingsAsync()).Success, Is.True);

        // Dispositions and the dialers' records, then the health of every ANI.
        var sale = (await _client.Dispositions.PutAsync("sale", new DispositionRequest { Name = "Sale", Type = DispositionRequestType.Agent, Contact = true, Success = true })).Data;
        Assert.That((sale.Type, sale.Declared), Is.EqualTo((DispositionDtoType.Agent, true)));
        var queued = await _client.Dials.ImportAsync(DialerDial("oiq-1"));
        Assert.That((queued.Message, queued.Accepted, queued.Rejected_count), Is.EqualTo(("dial queued", 1L, 0L)));
        Assert.That((await _client.Dispositions.ListAsync()).Data.Select(disposition => disposition.Id), Does.Contain("sale"));
        Assert.That((await _client.Dispositions.GetAsync("sale")).Data.Contact, Is.True);
        var usage = (await _client.AniUsage.GetUsageAsync(new DateOnly(2026, 5, 1), new DateOnly(2026, 5, 29), "GOOD", 1, 10)).Data;
        Assert.That(usage.DailyDialsTarget, Is.EqualTo(100));
        Assert.That(usage.Items.Single(item => item.Number == "+12135550100").Dials, Is.GreaterThanOrEqualTo(3), "d-1, d-2 and oiq-1 at least (the error cases may add their own)");
        Assert.That((await _client.Dispositions.DeleteAsync("sale")).Data.Id, Is.EqualTo("sale"));
    }

    [TestCaseSource(nameof(ErrorCases))]
    public async Task Every_documented_error_comes_back_as_the_documented_type(string operationId, int status)
    {
        var operation = Operations().Single(candidate => candidate.Id == operationId);
        var envelope = DocumentedEnvelope(operationId, status);

        // Its own address: failed authentications here do not throttle the other cases.
        _client.Address = $"10.0.{++_addresses / 250}.{(_addresses % 250) + 1}";
        _client.Token = EntitledToken(operation);
        var error = await ProvokeAsync(operation, status);

        Assert.That(error, Is.Not.Null, $"{operationId} answered no error where {status} was asked for");
        Assert.That(error!.StatusCode, Is.EqualTo(status), error.Response);
        var type = error.GetType();
        Assert.That(type.IsGenericType ? type.GetGenericArguments()[0].Name : "(no documented type)", Is.EqualTo(envelope), error.Response);
        switch (error)
        {
            case ApiException<VoipbinErrorEnvelope> voipbin:
                Assert.That(voipbin.Result.Error.Message, Is.Not.Empty);
                Assert.That(voipbin.Result.Error.Request_id, Is.Not.Empty);
                break;
            case ApiException<AniPlannerFailure> planner:
                Assert.That((planner.Result.Success, planner.Result.Message.Length > 0), Is.EqualTo((false, true)));
                break;
        }
    }

    private static IEnumerable<TestCaseData> ErrorCases() =>
        Document["paths"]!.AsObject()
            .SelectMany(path => path.Value!.AsObject())
            .SelectMany(operation => operation.Value!["responses"]!.AsObject()
                .Where(response => response.Key != "200")
                .Select(response => new TestCaseData(operation.Value!["operationId"]!.GetValue<string>(), int.Parse(response.Key, System.Globalization.CultureInfo.InvariantCulture))));

    private static string DocumentedEnvelope(string operationId, int status)
    {
        var operation = Document["paths"]!.AsObject().SelectMany(path => path.Value!.AsObject()).Single(candidate => candidate.Value!["operationId"]!.GetValue<string>() == operationId);
        var reference = operation.Value!["responses"]![status.ToString(System.Globalization.CultureInfo.InvariantCulture)]!["content"]!["application/json"]!["schema"]!["$ref"]!.GetValue<string>();
        return reference[(reference.LastIndexOf('/') + 1)..];
    }

    private async Task<ApiException?> ProvokeAsync(Operation operation, int status)
    {
        switch (status)
        {
            case 400:
                return await Caught(() => operation.Call(_client, _resources, false), Provoke.BadInput);
            case 401 when operation.Id == "Auth_Login":
                return await Caught(() => _client.Auth.LoginAsync(new LoginRequest { Username = "nobody", Password = "wrong password" }));
            case 401:
                _client.Token = null;
                return await Caught(() => operation.Call(_client, _resources, false));
            case 403:
                // The first credential whose permission does not reach the operation.
                foreach (var token in new[] { _resources.PlannerToken, AniPlannerFactory.AdminKey, _resources.AdminToken })
                {
                    _client.Token = token;
                    if (await Caught(() => operation.Call(_client, _resources, false)) is { StatusCode: 403 } forbidden)
                    {
                        return forbidden;
                    }
                }

                return null;
            case 404:
                return await Caught(() => operation.Call(_client, _resources, true));
            case 413:
                return await Caught(() => operation.Call(_client, _resources, false), Provoke.TooLarge);
            case 415:
                return await Caught(() => operation.Call(_client, _resources, false), Provoke.WrongContentType);
            case 429:
                // One failed authentication from this address trips the test service's address throttle.
                _client.Token = "anip_forged_credential";
                await Caught(() => _client.Outplans.ListAsync());
                _client.Token = EntitledToken(operation);
                return await Caught(() => operation.Call(_client, _resources, false));
            case 409 or 500 or 503:
                return await Caught(() => operation.Call(_client, _resources, false), Provoke.Failure(status));
            default:
                Assert.Fail($"No way to provoke {status} is known; add one.");
                return null;
        }
    }

    /// <summary>A credential the operation accepts: customers are the platform key's, the rest the customer admin's.</summary>
    private string EntitledToken(Operation operation) =>
        operation.Id.StartsWith("Customers_", StringComparison.Ordinal) ? AniPlannerFactory.AdminKey : _resources.AdminToken;

    private async Task<ApiException?> Caught(Func<Task> call, Action<HttpRequestMessage>? reshape = null)
    {
        _client.Reshape = reshape;
        try
        {
            await call();
            return null;
        }
        catch (ApiException error)
        {
            return error;
        }
        finally
        {
            _client.Reshape = null;
        }
    }

    private sealed record Operation(string Id, Func<ContractClient, Resources, bool, Task> Call);

    /// <summary>One call of every operation; <c>missing</c> names a resource that does not exist.</summary>
    private static IEnumerable<Operation> Operations()
    {
        static Guid Id(Guid existing, bool missing) => missing ? Guid.NewGuid() : existing;

        return
        [
            new("Outplans_List", (c, _, _) => c.Outplans.ListAsync(page_size: 10)),
            new("Outplans_Create", (c, _, _) => c.Outplans.CreateAsync(NewOutplan())),
            new("Outplans_Get", (c, r, missing) => c.Outplans.GetAsync(Id(r.OutplanId, missing))),
            new("Outplans_Update", (c, r, missing) => c.Outplans.UpdateAsync(Id(r.OutplanId, missing), new NameAndDetailRequest { Name = "n" })),
            new("Outplans_UpdateDialInfo", (c, r, missing) => c.Outplans.UpdateDialInfoAsync(Id(r.OutplanId, missing), new DialInfoFields { Dial_timeout = 30000, Try_interval = 60000 })),
            new("Outplans_GetCallingWindow", (c, r, missing) => c.Outplans.GetCallingWindowAsync(Id(r.OutplanId, missing))),
            new("Outplans_SetCallingWindow", (c, r, missing) => c.Outplans.SetCallingWindowAsync(Id(r.OutplanId, missing), WeekdayWindow())),
            new("Outplans_PreviewSchedule", (c, r, missing) => c.Outplans.PreviewScheduleAsync(Id(r.OutplanId, missing), new SchedulePreviewFields { Destinations = ["+12125550100"] })),
            new("SchedulePreview_Preview", (c, _, _) => c.SchedulePreview.PreviewAsync(new StrategyPreviewFields { Dial_timeout = 30000, Try_interval = 60000, Max_try_count_0 = 1, Destinations = ["+12125550100"] })),
            new("Outplans_Delete", (c, r, missing) => c.Outplans.DeleteAsync(Id(r.SpareOutplanId, missing))),
            new("AccessKeys_List", (c, _, _) => c.AccessKeys.ListAsync(page_size: 10)),
            new("AccessKeys_Create", (c, _, _) => c.AccessKeys.CreateAsync(new CreateAccessKeyRequest { Permission = CreateAccessKeyRequestPermission.Planner })),
            new("AccessKeys_Get", (c, r, missing) => c.AccessKeys.GetAsync(Id(r.PlannerKeyId, missing))),
            new("AccessKeys_Update", (c, r, missing) => c.AccessKeys.UpdateAsync(Id(r.PlannerKeyId, missing), new NameAndDetailRequest { Name = "n" })),
            new("AccessKeys_Delete", (c, r, missing) => c.AccessKeys.DeleteAsync(Id(r.SpareKeyId, missing))),
            new("AuditLogs_List", (c, _, _) => c.AuditLogs.ListAsync(page_size: 10)),
            new("Me_Get", (c, _, _) => c.Me.GetAsync()),
            new("Auth_Login", (c, _, _) => c.Auth.LoginAsync(new LoginRequest { Username = Resources.Username, Password = Resources.Password })),
            new("Customers_List", (c, _, _) => c.Customers.ListAsync(page_size: 10)),
            new("Customers_Create", (c, _, _) => c.Customers.CreateAsync(new CreateCustomerRequest { Name = "c" })),
            new("Customers_Get", (c, r, missing) => c.Customers.GetAsync(Id(r.CustomerId, missing))),
            new("Customers_Update", (c, r, missing) => c.Customers.UpdateAsync(Id(r.CustomerId, missing), new NameAndDetailRequest { Name = "n" })),
            new("Customers_Delete", (c, r, missing) => c.Customers.DeleteAsync(Id(r.SpareCustomerId, missing))),
            new("Users_List", (c, _, _) => c.Users.ListAsync(page_size: 10)),
            new("Users_Create", (c, _, _) => c.Users.CreateAsync(new CreateUserRequest { Username = $"u{Guid.NewGuid():N}"[..20], Password = Resources.Password, Permission = CreateUserRequestPermission.Planner })),
            new("Users_Get", (c, r, missing) => c.Users.GetAsync(Id(r.UserId, missing))),
            new("Users_Update", (c, r, missing) => c.Users.UpdateAsync(Id(r.UserId, missing), new UpdateUserRequest { Permission = UpdateUserRequestPermission.Admin })),
            new("Users_UpdatePassword", (c, r, missing) => c.Users.UpdatePasswordAsync(Id(r.UserId, missing), new UserPasswordRequest { Password = Resources.Password })),
            new("Users_Delete", (c, r, missing) => c.Users.DeleteAsync(Id(r.SpareUserId, missing))),
            new("AniPlanner_Generate", (c, _, _) => c.AniPlanner.GenerateAsync(new GeneratePlanRequest { DateStart = new DateOnly(2026, 5, 1), DateEnd = new DateOnly(2026, 5, 29) })),
            new("AniPlanner_ListCampaigns", (c, _, _) => c.AniPlanner.ListCampaignsAsync()),
            new("AniPlanner_UpsertCampaign", (c, _, _) => c.AniPlanner.UpsertCampaignAsync("contract-in", new UpsertCampaignRequest { Name = "In", CampaignType = UpsertCampaignRequestCampaignType.Inbound })),
            new("AniPlanner_UpsertAnis", (c, _, _) => c.AniPlanner.UpsertAnisAsync([new AniInput { Number = "+12135550100", Status = AniInputStatus.Active, Managed = true }])),
            new("AniPlanner_ListAnis", (c, _, _) => c.AniPlanner.ListAnisAsync(page: 1, pageSize: 10)),
            new("AniPlanner_ImportDials", (c, _, _) => c.AniPlanner.ImportDialsAsync([Dial("again")])),
            new("AniPlanner_ListRegions", (c, _, _) => c.AniPlanner.ListRegionsAsync(Country.Us)),
            new("AniPlanner_GetSettings", (c, _, _) => c.AniPlanner.GetSettingsAsync()),
            new("AniPlanner_UpdateSettings", (c, _, _) => c.AniPlanner.UpdateSettingsAsync(new PlannerSettingsRequest { Country = PlannerSettingsRequestCountry.Us })),
            new("AniUsage_GetUsage", (c, _, _) => c.AniUsage.GetUsageAsync(new DateOnly(2026, 5, 1), new DateOnly(2026, 5, 29), page: 1)),
            new("Dials_Import", (c, _, _) => c.Dials.ImportAsync(DialerDial("again"))),
            new("Dispositions_List", (c, _, _) => c.Dispositions.ListAsync()),
            new("Dispositions_Get", (c, _, missing) => c.Dispositions.GetAsync(missing ? "missing" : "kept")),
            new("Dispositions_Put", (c, _, _) => c.Dispositions.PutAsync("kept", new DispositionRequest { Name = "Kept", Type = DispositionRequestType.System, Contact = false, Success = false })),
            new("Dispositions_Delete", (c, _, missing) => c.Dispositions.DeleteAsync(missing ? "missing" : "spare")),
        ];
    }

    private static CreateOutplanRequest NewOutplan() => new()
    {
        Name = "contract outplan",
        Source = new AddressFields { Type = AddressFieldsType.Tel, Target = "+15559876543" },
        Dial_timeout = 30000,
        Try_interval = 600000,
        Max_try_count_0 = 5,
    };

    private static readonly DateTimeOffset PreviewStart = new(2026, 11, 25, 14, 0, 0, TimeSpan.Zero);

    private static CallingWindowFields WeekdayWindow() => new()
    {
        Days = [Days2.Mon, Days2.Tue, Days2.Wed, Days2.Thu, Days2.Fri], Start = "09:00", End = "18:00",
    };

    private static DialRecord Dial(string callId) => new()
    {
        CallId = callId,
        Campaign = "contract-out",
        DialedAt = DateTimeOffset.Parse(Dialed, System.Globalization.CultureInfo.InvariantCulture),
        ProspectNumber = "+12135550123",
        AniNumber = "+12135550100",
        Contacted = true,
    };

    private static DialerRecord DialerDial(string dialId) => new()
    {
        Dial_id = dialId,
        Campaign_id = "contract-out",
        Ani = "2135550100",
        Prospect_phone = "(213) 555-0123",
        Datetime = "2026-05-04 10:00:00",
        Call_direction = "Outbound",
        Disposition_name = "Sale",
    };

    /// <summary>What the calls work on: a customer with an admin and a planner key, a user, outplans, campaigns; spares for deletes.</summary>
    private sealed record Resources(
        string AdminToken, string PlannerToken, Guid PlannerKeyId, Guid SpareKeyId, Guid CustomerId, Guid SpareCustomerId,
        Guid UserId, Guid SpareUserId, Guid OutplanId, Guid SpareOutplanId)
    {
        public const string Username = "contract-admin";
        public const string Password = "contract password";

        public static async Task<Resources> CreateAsync(ContractClient client)
        {
            client.Token = AniPlannerFactory.AdminKey;
            var customer = await client.Customers.CreateAsync(new CreateCustomerRequest { Name = "Contract Dialers" });
            var spareCustomer = await client.Customers.CreateAsync(new CreateCustomerRequest { Name = "Spare" });

            client.Token = customer.Accesskey.Token;
            var planner = await client.AccessKeys.CreateAsync(new CreateAccessKeyRequest { Name = "planner", Permission = CreateAccessKeyRequestPermission.Planner });
            var spareKey = await client.AccessKeys.CreateAsync(new CreateAccessKeyRequest { Name = "spare", Permission = CreateAccessKeyRequestPermission.Planner });
            var user = await client.Users.CreateAsync(new CreateUserRequest { Username = Username, Password = Password, Permission = CreateUserRequestPermission.Admin });
            var spareUser = await client.Users.CreateAsync(new CreateUserRequest { Username = "spare", Password = Password, Permission = CreateUserRequestPermission.Planner });
            var outplan = await client.Outplans.CreateAsync(NewOutplan());
            var spareOutplan = await client.Outplans.CreateAsync(NewOutplan());
            await client.AniPlanner.UpsertCampaignAsync("contract-in", new UpsertCampaignRequest { Name = "In", CampaignType = UpsertCampaignRequestCampaignType.Inbound });
            await client.AniPlanner.UpsertCampaignAsync("contract-out", new UpsertCampaignRequest { Name = "Out", CampaignType = UpsertCampaignRequestCampaignType.Outbound });
            await client.Dispositions.PutAsync("kept", new DispositionRequest { Name = "Kept", Type = DispositionRequestType.System, Contact = false, Success = false });
            await client.Dispositions.PutAsync("spare", new DispositionRequest { Name = "Spare", Type = DispositionRequestType.System, Contact = false, Success = false });
            return new Resources(
                customer.Accesskey.Token!, planner.Token!, planner.Id, spareKey.Id, customer.Id, spareCustomer.Id, user.Id, spareUser.Id, outplan.Id, spareOutplan.Id);
        }
    }
}
