using System.Globalization;
using System.Reflection;
using System.Text.Json.Nodes;
using AniPlanner.Api.AniPlanning;
using AniPlanner.Api.Common;
using AniPlanner.Api.Errors;
using AniPlanner.Api.Identity;
using AniPlanner.Api.Outplans;
using AniPlanner.Application.AniPlanning.AniInventory.ListAnis;
using AniPlanner.Application.AniPlanning.AniInventory.UpsertAnis;
using AniPlanner.Application.AniPlanning.AniUsage.GetAniUsage;
using AniPlanner.Application.AniPlanning.Campaigns.UpsertCampaign;
using AniPlanner.Application.AniPlanning.Common;
using AniPlanner.Application.AniPlanning.GeneratePlan;
using AniPlanner.Application.Common.Exceptions;
using AniPlanner.Application.Common.Text;
using AniPlanner.Application.Common.Validation;
using AniPlanner.Application.Common.Wire;
using AniPlanner.Application.Identity.AccessKeys.CreateAccessKey;
using AniPlanner.Application.Identity.Common;
using AniPlanner.Application.Outplans.Common;
using AniPlanner.Domain.AniPlanning.AniInventory;
using AniPlanner.Domain.AniPlanning.Campaigns;
using AniPlanner.Domain.AniPlanning.Dispositions;
using AniPlanner.Domain.AniPlanning.Regions;
using AniPlanner.Domain.AniPlanning.Settings;
using AniPlanner.Domain.Identity;
using AniPlanner.Domain.Outplans;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace AniPlanner.Api.Hosting;

/// <summary>
/// What the validators and enums know, said in the schemas so generated clients can trust them:
/// required request fields, allowed values, formats and ranges. Values come from the constants
/// and enums the validators use, never typed twice. Answers are whole: every property is written
/// but those a conditional [JsonIgnore] leaves out, null only where its type allows.
/// </summary>
public sealed class ContractSchemaTransformer : IOpenApiSchemaTransformer
{
    /// <summary>VoIPBIN's <c>YYYY-MM-DD HH:MM:SS.ffffff</c> (<see cref="VoipbinTime.Format"/>).</summary>
    /// <summary>
    /// A time as the service writes it (the seeds' <c>2026-11-24 05:00:33.267790</c>, or RFC 3339's
    /// <c>2026-11-24T05:00:33.267790Z</c> under Wire:Timestamps=rfc3339) and reads it (either, always).
    /// </summary>
    public const string VoipbinTimePattern = @"^(\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d{6}|\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2}))$";

    private const string StartOfWindowPattern = "^([01][0-9]|2[0-3]):[0-5][0-9]$";
    private const string EndOfWindowPattern = "^(([01][0-9]|2[0-3]):[0-5][0-9]|24:00)$";
    private const string CampaignIdentifierPattern = @"^[A-Za-z0-9._-]+$";
    private const string UsernamePattern = "^[A-Za-z0-9._@-]+$";

    private static readonly HashSet<Type> RequestBodies = RequestBodyTypes();

    private static readonly (Type Owner, string Property, Action<OpenApiSchema> Refine)[] PropertyRules =
    [
        // VoIPBIN contract: outplans.
        On<DialInfoFields>("dial_timeout", Range(DialLimits.MinMilliseconds, DialLimits.MaxDialTimeout)),
        On<DialInfoFields>("try_interval", Range(DialLimits.MinMilliseconds, DialLimits.MaxTryInterval)),
        .. Enumerable.Range(0, DialLimits.DestinationCount).Select(index => On<DialInfoFields>($"max_try_count_{index}", Range(0, DialLimits.MaxTryCount))),
        On<CreateOutplanRequest>("name", MaxLength(Outplan.MaxNameLength)),
        On<CreateOutplanRequest>("detail", MaxLength(Outplan.MaxDetailLength)),
        On<AddressFields>("type", OneOf(["", .. Address.Types])),
        On<AddressDto>("type", OneOf(["", .. Address.Types])),
        .. ((string[])["type", "target", "target_name", "name", "detail"]).Select(part => On<AddressFields>(part, MaxLength(Address.MaxPartLength))),

        // Outplans: calling windows and schedule previews.
        On<CallingWindowFields>("days", Both(Both(MinItems(1), MaxItems(CallingWindowWire.DayNames.Count)), Both(UniqueItems(), Items(OneOf(CallingWindowWire.DayNames.Select(day => day.Name)))))),
        On<CallingWindowFields>("start", Pattern(StartOfWindowPattern)),
        On<CallingWindowFields>("end", Pattern(EndOfWindowPattern)),
        On<CallingWindowFields>("time_zone", Both(MaxLength(CallingWindow.MaxTimeZoneLength), Describe("callee (each callee's local time, the default) or an IANA time zone such as America/New_York."))),
        On<CallingWindowDto>("days", Items(OneOf(CallingWindowWire.DayNames.Select(day => day.Name)))),
        On<CallingWindowDto>("start", Pattern(StartOfWindowPattern)),
        On<CallingWindowDto>("end", Pattern(EndOfWindowPattern)),
        On<ISchedulePreviewFields>("destinations", Both(Both(MinItems(1), MaxItems(DialLimits.DestinationCount)), Items(MaxLength(SchedulePreviewFields.MaxDestinationLength)))),
        On<ISchedulePreviewFields>("start", Format("date-time")),
        On<ScheduledDestinationDto>("time_zone_source", OneOf(WireConstants.Of(typeof(TimeZoneSources)))),
        .. ((string[])["due_at", "dial_at", "ring_until"]).Select(field => On<ScheduledAttemptDto>(field, Format("date-time"))),
        On<SchedulePreviewDto>("start", Format("date-time")),
        On<SchedulePreviewDto>("last_ring_until", Format("date-time")),
        On<CalleeTimeDto>("local_time", Format("date-time")),

        // Identity: users, access keys, login, customers.
        On<NameAndDetailRequest>("name", MaxLength(NameAndDetailRules.MaxNameLength)),
        On<NameAndDetailRequest>("detail", MaxLength(NameAndDetailRules.MaxDetailLength)),
        On<CreateCustomerRequest>("name", Length(1, Customer.MaxNameLength)),
        On<CreateCustomerRequest>("detail", MaxLength(Customer.MaxDetailLength)),
        On<CreateAccessKeyRequest>("name", MaxLength(NameAndDetailRules.MaxNameLength)),
        On<CreateAccessKeyRequest>("detail", MaxLength(NameAndDetailRules.MaxDetailLength)),
        On<CreateAccessKeyRequest>("expire", Range(CreateAccessKeyValidator.MinExpireSeconds, CreateAccessKeyValidator.MaxExpireSeconds)),
        On<CreateAccessKeyRequest>("permission", OneOf(WireEnum<Permission>.Names)),
        On<AccessKeyDto>("permission", OneOf(WireEnum<Permission>.Names)),
        On<CreateUserRequest>("username", Both(Length(User.MinUsernameLength, User.MaxUsernameLength), Pattern(UsernamePattern))),
        On<CreateUserRequest>("password", Length(User.MinPasswordLength, User.MaxPasswordLength)),
        On<CreateUserRequest>("permission", OneOf(WireEnum<Permission>.Names)),
        On<CreateUserRequest>("name", MaxLength(NameAndDetailRules.MaxNameLength)),
        On<CreateUserRequest>("detail", MaxLength(NameAndDetailRules.MaxDetailLength)),
        On<UpdateUserRequest>("permission", OneOf(WireEnum<Permission>.Names)),
        On<UpdateUserRequest>("name", MaxLength(NameAndDetailRules.MaxNameLength)),
        On<UpdateUserRequest>("detail", MaxLength(NameAndDetailRules.MaxDetailLength)),
        On<UserPasswordRequest>("password", Length(User.MinPasswordLength, User.MaxPasswordLength)),
        On<UserDto>("permission", OneOf(WireEnum<Permission>.Names)),
        On<LoginRequest>("username", Length(1, User.MaxUsernameLength)),
        On<LoginRequest>("password", MinLength(1)),

        // ANI Planner contract.
        On<GeneratePlanRequest>("dateStart", Format("date")),
        On<GeneratePlanRequest>("dateEnd", Format("date")),
        On<GeneratePlanRequest>("dailyDialsTarget", OneOf(PlanOptions.DailyDialsTargets.Names)),
        On<GeneratePlanRequest>("groupBy", OneOf(PlanOptions.GroupBys.Names)),
        On<GeneratePlanRequest>("inventoryMode", OneOf(PlanOptions.InventoryModes.Names)),
        On<GeneratePlanRequest>("campaigns", Items(Both(Length(1, Campaign.MaxIdentifierLength), Pattern(CampaignIdentifierPattern)))),
        On<GeneratePlanRequest>("campaignsExclude", Items(Both(Length(1, Campaign.MaxIdentifierLength), Pattern(CampaignIdentifierPattern)))),
        On<PlanDto>("country", OneOf(WireEnum<PlannerCountry>.Names)),
        On<PlanDto>("dateStart", Format("date")),
        On<PlanDto>("dateEnd", Format("date")),
        On<PlanDto>("groupBy", OneOf(PlanOptions.GroupBys.Names)),
        On<PlanDto>("inventoryMode", OneOf(PlanOptions.InventoryModes.Names)),
        On<UpsertCampaignRequest>("name", Length(1, Campaign.MaxNameLength)),
        On<UpsertCampaignRequest>("campaignType", OneOf(WireEnum<CampaignType>.Names)),
        On<UpsertCampaignRequest>("inboundCampaigns", Both(MaxItems(UpsertCampaignValidator.MaxInboundCampaigns), Items(Both(Length(1, Campaign.MaxIdentifierLength), Pattern(CampaignIdentifierPattern))))),
        On<CampaignDto>("campaignType", OneOf(WireEnum<CampaignType>.Names)),
        On<AniInput>("status", OneOf(WireEnum<AniStatus>.Names)),
        On<AniDto>("status", OneOf(WireEnum<AniStatus>.Names)),
        On<AniUsagePageDto>("dateStart", Format("date")),
        On<AniUsagePageDto>("dateEnd", Format("date")),
        On<AniUsagePageDto>("bizDays", Range(1, PlanOptions.MaxRangeDays)),
        On<AniUsagePageDto>("dailyDialsTarget", Range(AniUsageOptions.MinDailyDialsTarget, AniUsageOptions.MaxDailyDialsTarget)),
        On<AniUsagePageDto>("page", Minimum(1)),
        On<AniUsagePageDto>("pageSize", Range(1, AniUsageOptions.MaxPageSize)),
        On<AniUsagePageDto>("totalCount", Minimum(0)),
        On<AniUsageDto>("status", OneOf(WireEnum<AniStatus>.Names)),
        On<AniUsageDto>("lastDialed", Format("date")),
        On<AniUsageDto>("contactRate", Range(0, 100)),
        On<AniUsageDto>("lastSevenDaysContactRate", Range(0, 100)),
        .. ((string[])["dials", "contacts", "dailyDialsAverage", "peakDailyDials"]).Select(field => On<AniUsageDto>(field, Minimum(0))),
        .. ((string[])["activeDays", "daysOverTarget"]).Select(field => On<AniUsageDto>(field, Range(0, PlanOptions.MaxRangeDays))),
        On<PlannerSettingsRequest>("country", OneOf(WireEnum<PlannerCountry>.Names)),
        On<PlannerSettingsRequest>("timeZone", Both(MaxLength(PlannerSettings.MaxTimeZoneLength), Describe("An IANA time zone (America/Chicago); null: the country's (us America/New_York, ca America/Toronto, uk Europe/London)."))),
        On<PlannerSettingsRequest>("numberRegion", Both(OneOf(WireEnum<PlannerCountry>.Names), Describe("The country of numbers written without a country code; null: the planner country."))),
        On<PlannerSettingsDto>("country", OneOf(WireEnum<PlannerCountry>.Names)),
        On<PlannerSettingsDto>("numberRegion", OneOf(WireEnum<PlannerCountry>.Names)),
        On<EffectivePlannerSettingsDto>("country", OneOf(WireEnum<PlannerCountry>.Names)),
        On<EffectivePlannerSettingsDto>("numberRegion", OneOf(WireEnum<PlannerCountry>.Names)),

        On<DispositionRequest>("name", Length(1, Disposition.MaxNameLength)),
        On<DispositionRequest>("type", OneOf(DispositionTypes.Names)),
        On<DispositionDto>("type", OneOf(DispositionTypes.Names)),

        // The error envelopes.
        On<VoipbinErrorBody>("status", OneOf(StatusWords.All)),
        On<VoipbinErrorBody>("reason", Both(OneOf(ErrorReasons.All), Describe("What went wrong, as an UPPER_SNAKE code a program can branch on; the status says what kind of failure it is."))),

        // The ANI Planner's envelope always carries its data.
        (typeof(AniPlannerResponse<>), "data", NotNull),
    ];

    /// <summary>Request fields the validators refuse to go without (null is refused too).</summary>
    private static readonly (Type Owner, string[] Fields)[] RequiredRequestFields =
    [
        (typeof(DialInfoFields), ["dial_timeout", "try_interval"]),
        (typeof(CallingWindowFields), ["days", "start", "end"]),
        (typeof(ISchedulePreviewFields), ["destinations"]),
        (typeof(CreateCustomerRequest), ["name"]),
        (typeof(CreateUserRequest), ["username", "password", "permission"]),
        (typeof(UpdateUserRequest), ["permission"]),
        (typeof(UserPasswordRequest), ["password"]),
        (typeof(LoginRequest), ["username", "password"]),
        (typeof(UpsertCampaignRequest), ["name", "campaignType"]),
        (typeof(AniInput), ["number", "status", "managed"]),
        (typeof(DispositionRequest), ["name", "type", "contact", "success"]),
    ];

    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var type = context.JsonTypeInfo.Type;
        // Object schemas only; a property of a type is refined where that type's schema is.
        if (schema.Properties is not { Count: > 0 } properties)
        {
            return Task.CompletedTask;
        }

        if (RequestBodies.Contains(type))
        {
            foreach (var field in RequiredRequestFields.Where(rule => rule.Owner.IsAssignableFrom(type)).SelectMany(rule => rule.Fields))
            {
                (schema.Required ??= new HashSet<string>()).Add(field);
                Concrete(properties, field, NotNull);
            }
        }
        else
        {
            // Only a property the serializer may leave out (a conditional [JsonIgnore]) is optional.
            schema.Required = new HashSet<string>(context.JsonTypeInfo.Properties
                .Where(property => property.ShouldSerialize is null && properties.ContainsKey(property.Name))
                .Select(property => property.Name));
        }

        foreach (var (_, property, refine) in PropertyRules.Where(rule => Applies(rule.Owner, type)))
        {
            Concrete(properties, property, refine);
        }

        foreach (var time in properties.Keys.Where(name => name.StartsWith("tm_", StringComparison.Ordinal)))
        {
            Concrete(properties, time, Pattern(VoipbinTimePattern));
        }

        if (properties.ContainsKey("next_page_token"))
        {
            // The last item's tm_create, or "" on an empty page.
            Concrete(properties, "next_page_token", Pattern(VoipbinTimePattern[..^1] + "?$"));
        }

        return Task.CompletedTask;
    }

    /// <summary>The schema of a query or path parameter, by its name (MVC binds some as text to answer bad ones in words).</summary>
    public static void RefineParameter(string name, OpenApiSchema schema)
    {
        switch (name)
        {
            case "id":
                schema.Format = "uuid";
                break;
            case "dispositionId":
                Both(Length(1, Disposition.MaxIdentifierLength), Pattern(CampaignIdentifierPattern))(schema);
                break;
            case "internalIdentifier":
                Both(Length(1, Campaign.MaxIdentifierLength), Pattern(CampaignIdentifierPattern))(schema);
                break;
            case "page_size":
                // Bound as text so "abc" is answered in words; out-of-range sizes mean the maximum.
                schema.Type = JsonSchemaType.Integer;
                schema.Format = "int32";
                Range(1, CreationTimePaging.MaxPageSize)(schema);
                schema.Default = JsonValue.Create(CreationTimePaging.MaxPageSize);
                break;
            case "page_token":
                Pattern(VoipbinTimePattern)(schema);
                break;
            case "page":
                schema.Minimum = "1";
                schema.Default = JsonValue.Create(1);
                break;
            case "pageSize":
                Range(1, ListAnisHandler.MaxPageSize)(schema);
                schema.Default = JsonValue.Create(ListAnisHandler.DefaultPageSize);
                break;
            case "country":
                OneOf(WireEnum<PlannerCountry>.Names)(schema);
                break;
            case "dateStart":
            case "dateEnd":
                // GET /ani-planner/anis/usage: bound as text so a bad date is answered in words.
                schema.Format = "date";
                break;
            case "dailyDialsTarget":
                Both(
                    Pattern($"^({string.Join('|', PlanOptions.DailyDialsTargets.Names)}|0*([1-9][0-9]{{0,3}}|10000))$"),
                    Describe($"{PlanOptions.DailyDialsTargets.Allowed} (50, 75 and 100 dials a day) or a whole number of dials a day from {AniUsageOptions.MinDailyDialsTarget} to {AniUsageOptions.MaxDailyDialsTarget}."))(schema);
                schema.Default = JsonValue.Create("BETTER");
                break;
        }
    }

    private static (Type, string, Action<OpenApiSchema>) On<TOwner>(string property, Action<OpenApiSchema> refine) => (typeof(TOwner), property, refine);

    private static bool Applies(Type owner, Type type) =>
        owner.IsAssignableFrom(type) || (owner.IsGenericTypeDefinition && type.IsGenericType && type.GetGenericTypeDefinition() == owner);

    /// <summary>Refines a property given inline (a reference to another component is that component's business).</summary>
    private static void Concrete(IDictionary<string, IOpenApiSchema> properties, string name, Action<OpenApiSchema> refine)
    {
        if (properties.TryGetValue(name, out var property) && property is OpenApiSchema concrete)
        {
            refine(concrete);
        }
    }

    private static void NotNull(OpenApiSchema schema)
    {
        if (schema.Type is { } type)
        {
            schema.Type = type & ~JsonSchemaType.Null;
        }

        schema.OneOf = schema.OneOf?.Where(option => option is not OpenApiSchema { Type: JsonSchemaType.Null }).ToList();
    }

    private static Action<OpenApiSchema> Both(Action<OpenApiSchema> first, Action<OpenApiSchema> second) => schema =>
    {
        first(schema);
        second(schema);
    };

    private static Action<OpenApiSchema> Range(long minimum, long maximum) => schema =>
    {
        schema.Minimum = minimum.ToString(CultureInfo.InvariantCulture);
        schema.Maximum = maximum.ToString(CultureInfo.InvariantCulture);
    };

    private static Action<OpenApiSchema> Minimum(long minimum) => schema => schema.Minimum = minimum.ToString(CultureInfo.InvariantCulture);

    private static Action<OpenApiSchema> MaxLength(int maximum) => schema => schema.MaxLength = maximum;

    private static Action<OpenApiSchema> MinLength(int minimum) => schema => schema.MinLength = minimum;

    private static Action<OpenApiSchema> Length(int minimum, int maximum) => schema => (schema.MinLength, schema.MaxLength) = (minimum, maximum);

    private static Action<OpenApiSchema> MaxItems(int maximum) => schema => schema.MaxItems = maximum;

    private static Action<OpenApiSchema> MinItems(int minimum) => schema => schema.MinItems = minimum;

    private static Action<OpenApiSchema> UniqueItems() => schema => schema.UniqueItems = true;

    private static Action<OpenApiSchema> Pattern(string pattern) => schema => schema.Pattern = pattern;

    private static Action<OpenApiSchema> Describe(string description) => schema => schema.Description = description;

    private static Action<OpenApiSchema> Format(string format) => schema => schema.Format = format;

    private static Action<OpenApiSchema> Items(Action<OpenApiSchema> refine) => schema =>
    {
        if (schema.Items is OpenApiSchema items)
        {
            refine(items);
        }
    };

    /// <summary>The allowed values; where the field may be null, null is one of them.</summary>
    private static Action<OpenApiSchema> OneOf(IEnumerable<string> values) => schema =>
    {
        List<JsonNode> allowed = [.. values.Select(value => (JsonNode)JsonValue.Create(value))];
        if (schema.Type?.HasFlag(JsonSchemaType.Null) == true)
        {
            allowed.Add(JsonNullSentinel.JsonNull);
        }

        schema.Enum = allowed;
    };

    /// <summary>Every type a request body is made of: the [FromBody] parameters of the actions and what they hold.</summary>
    private static HashSet<Type> RequestBodyTypes()
    {
        var found = new HashSet<Type>();
        var pending = new Stack<Type>(typeof(ContractSchemaTransformer).Assembly.GetTypes()
            .Where(type => typeof(ControllerBase).IsAssignableFrom(type))
            .SelectMany(controller => controller.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .SelectMany(action => action.GetParameters())
            .Where(parameter => parameter.GetCustomAttribute<FromBodyAttribute>() is not null)
            .Select(parameter => parameter.ParameterType));
        while (pending.TryPop(out var type))
        {
            var element = Nullable.GetUnderlyingType(type) ?? (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(List<>) ? type.GetGenericArguments()[0] : type);
            if (element.Namespace?.StartsWith("AniPlanner", StringComparison.Ordinal) == true && found.Add(element))
            {
                foreach (var property in element.GetProperties())
                {
                    pending.Push(property.PropertyType);
                }
            }
        }

        return found;
    }
}
