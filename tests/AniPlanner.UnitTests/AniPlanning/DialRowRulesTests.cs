using AniPlanner.Application.AniPlanning.ImportDials;
using AniPlanner.Domain.AniPlanning.Campaigns;
using AniPlanner.Domain.AniPlanning.Regions;
using AniPlanner.Domain.AniPlanning.Settings;

namespace AniPlanner.UnitTests.AniPlanning;

public sealed class DialRowRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 5, 20, 12, 0, 0, TimeSpan.Zero);
    private static readonly EffectivePlannerSettings UsCompany = new(PlannerCountry.Us, "America/New_York", PlannerCountry.Us);
    private static readonly EffectivePlannerSettings UkCompany = new(PlannerCountry.Uk, "Europe/London", PlannerCountry.Uk);
    private readonly DialRowRules _rules = RulesFor(UsCompany);

    private static DialRowRules RulesFor(EffectivePlannerSettings company)
    {
        var campaigns = new Dictionary<string, Campaign>
        {
            ["wc-out"] = Campaign.Create(Guid.NewGuid(), 1, "wc-out", "West Coast Outbound", CampaignType.Outbound, Now.UtcDateTime),
            ["wc-in"] = Campaign.Create(Guid.NewGuid(), 2, "wc-in", "West Coast Inbound", CampaignType.Inbound, Now.UtcDateTime),
        };
        return new DialRowRules(TestGeography.Create(), campaigns, company, Now);
    }

    private static DialInput Row(
        string? callId = "c-1", string? campaign = "wc-out", string? dialedAt = "2026-05-04T23:30:00-07:00",
        string? prospect = "+12135550123", string? ani = "+13105550100", string? zip = "90001-1234", bool? contacted = true) =>
        new() { CallId = callId, Campaign = campaign, DialedAt = dialedAt, ProspectNumber = prospect, AniNumber = ani, ProspectZip = zip, Contacted = contacted };

    [Test]
    public void A_valid_row_is_staged_with_its_day_in_its_own_offset_and_its_area_keys()
    {
        Assert.That(_rules.TryStage(Row(), out var dial, out var problem), Is.True, problem);

        Assert.Multiple(() =>
        {
            Assert.That(dial.Day, Is.EqualTo(new DateOnly(2026, 5, 4)), "23:30 at -07:00 is still May 4 there");
            Assert.That(dial.DialedAtUtc, Is.EqualTo(new DateTime(2026, 5, 5, 6, 30, 0, DateTimeKind.Utc)));
            Assert.That((dial.ProspectAreaKey, dial.AniAreaKey, dial.ZipAreaKey), Is.EqualTo(("nanp:213", "nanp:310", "nanp:213")));
            Assert.That(dial.ProspectZip, Is.EqualTo("90001"));
            Assert.That(dial.Contacted, Is.True);
        });
    }

    [Test]
    public void Utc_times_and_missing_zips_are_fine()
    {
        Assert.That(_rules.TryStage(Row(dialedAt: "2026-05-04T21:03:00.250Z", zip: null), out var dial, out var problem), Is.True, problem);
        Assert.That((dial.Day, dial.ZipAreaKey, dial.ProspectZip), Is.EqualTo((new DateOnly(2026, 5, 4), "", "")));
    }

    [TestCase("", "callId is required")]
    public void A_row_without_call_id_is_rejected(string callId, string message) => AssertRejected(Row(callId: callId), message);

    [TestCase(" c-1", "c-1")]
    [TestCase("c-1 \t", "c-1")]
    [TestCase("C-1", "C-1")]
    public void A_call_id_is_kept_as_sent_but_for_surrounding_blanks(string callId, string stored)
    {
        Assert.That(_rules.TryStage(Row(callId: callId), out var dial, out var problem), Is.True, problem);
        Assert.That(dial.CallId, Is.EqualTo(stored));
    }

    [Test]
    public void An_overlong_call_id_is_rejected() => AssertRejected(Row(callId: new string('x', 129)), "at most 128 characters");

    [Test]
    public void An_unknown_campaign_is_rejected() => AssertRejected(Row(campaign: "nope"), "campaign 'nope' is not a campaign of this company");

    [Test]
    public void An_inbound_campaign_is_rejected() => AssertRejected(Row(campaign: "wc-in"), "campaign 'wc-in' is inbound");

    [TestCase("2026-05-04 10:00:00+01:00", "is not an ISO-8601 time with an offset (2026-05-04T14:03:00-07:00, 2026-05-04T21:03:00Z) or a UTC time without one")]
    [TestCase("04/05/2026", "is not an ISO-8601 time")]
    [TestCase("2026-05-04", "is not an ISO-8601 time")]
    [TestCase("2026-05-04 10:00", "is not an ISO-8601 time")]
    [TestCase("2026-05-23T10:00:00Z", "is in the future")]
    [TestCase("2026-05-23 10:00:00", "is in the future")]
    public void Bad_times_are_rejected(string dialedAt, string message) => AssertRejected(Row(dialedAt: dialedAt), message);

    /// <summary>
    /// 03:30 UTC on May 4 is 23:30 on May 3 in New York (EDT, -4) and 04:30 on May 4 in London
    /// (BST, +1): a time without an offset is UTC, and its day is the company's calendar date.
    /// </summary>
    [TestCase("2026-05-04 03:30:00", "US", 3)]
    [TestCase("2026-05-04T03:30:00", "US", 3)]
    [TestCase("2026-05-04 03:30:00.250", "US", 3)]
    [TestCase("2026-05-04 03:30:00", "UK", 4)]
    [TestCase("2026-05-04 04:30:00", "US", 4)]
    public void A_time_without_an_offset_is_utc_and_its_day_is_the_companys(string dialedAt, string company, int day)
    {
        var rules = RulesFor(company == "UK" ? UkCompany : UsCompany);

        Assert.That(rules.TryStage(Row(dialedAt: dialedAt), out var dial, out var problem), Is.True, problem);
        Assert.That(dial.DialedAtUtc.Kind, Is.EqualTo(DateTimeKind.Utc));
        Assert.That(dial.DialedAtUtc.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture), Is.EqualTo(dialedAt[..19].Replace('T', ' ')));
        Assert.That(dial.Day, Is.EqualTo(new DateOnly(2026, 5, day)));
    }

    [Test]
    public void A_time_with_its_own_offset_keeps_its_own_day_whatever_the_companys_zone()
    {
        // 23:30 at -07:00 is May 4 there, though it is May 5 in London.
        Assert.That(RulesFor(UkCompany).TryStage(Row(), out var dial, out var problem), Is.True, problem);
        Assert.That(dial.Day, Is.EqualTo(new DateOnly(2026, 5, 4)));
    }

    [TestCase("2135550123", "+12135550123", "nanp:213")]
    [TestCase("(213) 555-0123", "+12135550123", "nanp:213")]
    [TestCase("213.555.0123", "+12135550123", "nanp:213")]
    [TestCase("1-213-555-0123", "+12135550123", "nanp:213")]
    [TestCase("5551234567", "+15551234567", "")]
    [TestCase("011 44 20 7946 0000", "+442079460000", "uk:20")]
    [TestCase("+12135550123", "+12135550123", "nanp:213")]
    public void National_numbers_are_read_in_the_companys_region_and_stored_as_e164(string written, string stored, string areaKey)
    {
        Assert.That(_rules.TryStage(Row(prospect: written, ani: written), out var dial, out var problem), Is.True, problem);
        Assert.That((dial.ProspectNumber, dial.AniNumber, dial.ProspectAreaKey, dial.AniAreaKey), Is.EqualTo((stored, stored, areaKey, areaKey)));
    }

    [TestCase("07700 900123", "+447700900123", "uk:7")]
    [TestCase("020 7946 0000", "+442079460000", "uk:20")]
    [TestCase("(0113) 496 0000", "+441134960000", "uk:113")]
    [TestCase("001 213 555 0123", "+12135550123", "nanp:213")]
    public void A_uk_companys_national_numbers_are_uk_numbers(string written, string stored, string areaKey)
    {
        Assert.That(RulesFor(UkCompany).TryStage(Row(prospect: written), out var dial, out var problem), Is.True, problem);
        Assert.That((dial.ProspectNumber, dial.ProspectAreaKey), Is.EqualTo((stored, areaKey)));
    }

    [Test]
    public void Bad_numbers_are_rejected_naming_the_field()
    {
        AssertRejected(Row(prospect: "555-0123"), "prospectNumber '555-0123' is a local number: give its area code too");
        AssertRejected(Row(prospect: "213555012"), "prospectNumber '213555012' is too short for a number of US (read without a country code as a number of US, the company's number region)");
        AssertRejected(Row(prospect: "1-800-FLOWERS"), "prospectNumber '1-800-FLOWERS' must be a phone number: E.164 (+15559876543), or a national number of the company's number region, US");
        AssertRejected(Row(prospect: "213-555-0123 x12"), "prospectNumber '213-555-0123 x12' must be a phone number");
        AssertRejected(Row(prospect: "+1 213 555 0123"), "prospectNumber '+1 213 555 0123' must be an E.164 number");
        AssertRejected(Row(ani: "+1213"), "aniNumber '+1213' is too short for its country");
        AssertRejected(Row(ani: ""), "aniNumber '' must be a phone number");
    }

    [Test]
    public void A_uk_mobile_written_nationally_is_refused_by_a_us_company_with_the_region_named() =>
        AssertRejected(Row(prospect: "07700 900123"), "read without a country code as a number of US, the company's number region");

    [TestCase("9000")]
    [TestCase("ABCDE")]
    [TestCase("90001-12")]
    public void Malformed_zips_are_rejected(string zip) => AssertRejected(Row(zip: zip), "is not a US ZIP");

    [Test]
    public void Contacted_is_required() => AssertRejected(Row(contacted: null), "contacted is required");

    [Test]
    public void A_row_the_reader_could_not_read_keeps_its_reason() =>
        AssertRejected(Row() with { ReadError = "This line is not valid JSON." }, "This line is not valid JSON.");

    private void AssertRejected(DialInput row, string message)
    {
        Assert.That(_rules.TryStage(row, out _, out var problem), Is.False);
        Assert.That(problem, Does.Contain(message));
    }

    /// <summary>The digit-by-digit reading of the common shapes takes only what the format parser takes, as the same instant and offset.</summary>
    [TestCase("2026-05-04T14:03:00-07:00")]
    [TestCase("2026-05-04T21:03:00Z")]
    [TestCase("2024-02-29T00:00:00+00:00")]
    [TestCase("2023-02-29T00:00:00+00:00")]
    [TestCase("2026-13-01T00:00:00+00:00")]
    [TestCase("2026-00-10T00:00:00+00:00")]
    [TestCase("2026-04-31T00:00:00Z")]
    [TestCase("2026-05-04T24:00:00Z")]
    [TestCase("2026-05-04T23:60:00Z")]
    [TestCase("2026-05-04T23:59:60Z")]
    [TestCase("2026-05-04T12:00:00+14:00")]
    [TestCase("2026-05-04T12:00:00-14:00")]
    [TestCase("2026-05-04T12:00:00+14:01")]
    [TestCase("2026-05-04T12:00:00+05:60")]
    [TestCase("2026-05-04T12:00:00+05:45")]
    [TestCase("2026-05-04T12:00:00-00:00")]
    [TestCase("0001-01-01T00:00:00+01:00")]
    [TestCase("9999-12-31T23:59:59-14:00")]
    [TestCase("0999-05-04T12:00:00Z")]
    [TestCase("2026-05-04 12:00:00Z")]
    [TestCase("2026-05-04T12:00:00+0500")]
    [TestCase("2026-05-04T12:00:00.5Z")]
    [TestCase("2026-05-04T12:00:00.25-07:00")]
    [TestCase("2026-05-04T1a:00:00Z")]
    [TestCase("2026-05-04T12:00:00z")]
    [TestCase("２０２６-05-04T12:00:00Z")]
    [TestCase("-026-05-04T12:00:00Z")]
    public void The_common_date_shapes_read_as_the_format_parser_reads_them(string text)
    {
        string[] formats = text.EndsWith('Z')
            ? ["yyyy-MM-dd'T'HH:mm:ss'Z'", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'"]
            : ["yyyy-MM-dd'T'HH:mm:sszzz", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz"];
        var style = text.EndsWith('Z') ? System.Globalization.DateTimeStyles.AssumeUniversal : System.Globalization.DateTimeStyles.None;
        var parsed = DateTimeOffset.TryParseExact(text, formats, System.Globalization.CultureInfo.InvariantCulture, style, out var expected);

        if (DialRowRules.TryParseCommonShape(text, out var value))
        {
            Assert.That(parsed, Is.True, "the format parser refuses it");
            Assert.That((value.DateTime, value.Offset), Is.EqualTo((expected.DateTime, expected.Offset)));
        }
        else
        {
            // Left to the format parser, which decides; the shortcut only has to take nothing it refuses.
            Assert.Pass(parsed ? "left to the format parser" : "refused");
        }
    }

    [TestCase("2026-05-04T14:03:00-07:00")]
    [TestCase("2026-05-04T21:03:00Z")]
    [TestCase("2024-02-29T00:00:00+05:45")]
    public void The_common_date_shapes_are_read_without_the_format_parser(string text) =>
        Assert.That(DialRowRules.TryParseCommonShape(text, out _), Is.True);
}
