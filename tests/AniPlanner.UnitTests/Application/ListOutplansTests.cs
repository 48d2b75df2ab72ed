using AniPlanner.Application.Common.Wire;
using AniPlanner.Application.Outplans.ListOutplans;

namespace AniPlanner.UnitTests.Application;

public sealed class ListOutplansTests
{
    private readonly ListOutplansValidator _validator = new();

    [TestCase(null, 100)]
    [TestCase("", 100)]
    [TestCase("1", 1)]
    [TestCase("100", 100)]
    [TestCase("101", 100)]
    [TestCase("0", 100)]
    [TestCase("-3", 100)]
    [TestCase("123456789012345678901234567890", 100)]
    public void Page_size_defaults_and_clamps_to_100(string? pageSize, int expected) =>
        Assert.That(AniPlanner.Application.Common.Wire.CreationTimePaging.EffectivePageSize(pageSize), Is.EqualTo(expected));

    [TestCase("abc", false)]
    [TestCase("2.5", false)]
    [TestCase("10", true)]
    [TestCase("-1", true)]
    public void Page_size_must_be_an_integer(string pageSize, bool valid) =>
        Assert.That(_validator.Validate(new ListOutplans(Guid.NewGuid(), pageSize, null)).IsValid, Is.EqualTo(valid));

    [TestCase("2022-04-28 01:50:23.414000", true)]
    [TestCase("2022-04-28T01:50:23.414000Z", true)]
    [TestCase("2022-04-28T10:50:23+09:00", true)]
    [TestCase("2022-04-28 01:50:23", false)]
    [TestCase("2022-04-28T01:50:23", false)]
    [TestCase("2022-13-28 01:50:23.414000", false)]
    [TestCase("2022-04-28T01:50:23.Z", false)]
    [TestCase("2022-04-28T01:50:23+24:00", false)]
    public void Page_token_must_be_a_voipbin_timestamp_in_either_form(string token, bool valid) =>
        Assert.That(_validator.Validate(new ListOutplans(Guid.NewGuid(), null, token)).IsValid, Is.EqualTo(valid));
}

public sealed class VoipbinTimeTests
{
    [Test]
    public void Times_print_with_six_fractional_digits_and_unset_ones_as_the_sentinel()
    {
        var time = new DateTime(2022, 4, 28, 1, 50, 23, DateTimeKind.Utc).AddTicks(4_140_000);

        Assert.That(VoipbinTime.ToWire(time), Is.EqualTo("2022-04-28 01:50:23.414000"));
        Assert.That(VoipbinTime.ToWire((DateTime?)null), Is.EqualTo("9999-01-01 00:00:00.000000"));
    }

    [TestCase("2026-11-24T05:00:04Z", 0L)]
    [TestCase("2026-11-24T05:00:04.3Z", 3_000_000L)]
    [TestCase("2026-11-24T05:00:04.326562Z", 3_265_620L)]
    [TestCase("2026-11-24T05:00:04.3265621z", 3_265_621L)]
    [TestCase("2026-11-24t05:00:04.32656200000Z", 3_265_620L)]
    [TestCase("2026-11-24T05:00:04.32656201Z", 3_265_621L)]
    [TestCase("2026-11-24T14:00:04.326562+09:00", 3_265_620L)]
    [TestCase("2026-11-23T23:30:04.326562-05:30", 3_265_620L)]
    public void Rfc3339_times_of_any_precision_and_offset_read_as_utc(string text, long fractionTicks)
    {
        Assert.That(VoipbinTime.TryParse(text, out var parsed), Is.True);
        Assert.That(parsed, Is.EqualTo(new DateTime(2026, 11, 24, 5, 0, 4, DateTimeKind.Utc).AddTicks(fractionTicks)));
        Assert.That(parsed.Kind, Is.EqualTo(DateTimeKind.Utc));
    }

    [TestCase("0001-01-01T00:00:00+01:00")]
    [TestCase("9999-12-31T23:59:59.9999999-00:01")]
    [TestCase("9999-12-31T23:59:59.99999999Z")]
    [TestCase("2026-02-30T00:00:00Z")]
    [TestCase("2026-11-24T05:00:60Z")]
    [TestCase("2026-11-24 05:00:04.326562Z")]
    [TestCase("")]
    public void Impossible_or_malformed_times_do_not_parse(string text) => Assert.That(VoipbinTime.TryParse(text, out _), Is.False);

    [Test]
    public void Rfc3339_output_is_utc_with_six_digits_and_unset_is_null()
    {
        var time = new DateTime(2026, 11, 24, 5, 0, 33, DateTimeKind.Utc).AddTicks(2_677_900);
        var rfc3339 = new WireTimeFormat(WireTimestamps.Rfc3339);
        var legacy = new WireTimeFormat(WireTimestamps.Legacy);

        Assert.That((rfc3339.Write(time), rfc3339.Write((DateTime?)null)), Is.EqualTo(("2026-11-24T05:00:33.267790Z", (string?)null)));
        Assert.That((legacy.Write(time), legacy.Write((DateTime?)null)), Is.EqualTo(("2026-11-24 05:00:33.267790", VoipbinTime.NotSet)));
        Assert.That(VoipbinTime.TryParse(rfc3339.Write(time), out var parsed) && parsed == time, Is.True);
    }

    [TestCase(null, true, WireTimestamps.Legacy)]
    [TestCase("", true, WireTimestamps.Legacy)]
    [TestCase("legacy", true, WireTimestamps.Legacy)]
    [TestCase("RFC3339", true, WireTimestamps.Rfc3339)]
    [TestCase("iso", false, null)]
    public void The_wire_timestamps_setting_is_legacy_or_rfc3339(string? setting, bool valid, WireTimestamps? style)
    {
        var options = new WireOptions { Timestamps = setting };

        Assert.That(options.IsValid, Is.EqualTo(valid));
        if (style is { } expected)
        {
            Assert.That(options.Style, Is.EqualTo(expected));
        }
    }

    [Test]
    public void A_printed_time_parses_back_to_the_same_utc_instant()
    {
        var time = new DateTime(2022, 5, 2, 5, 59, 44, DateTimeKind.Utc).AddTicks(2_906_580);

        Assert.That(VoipbinTime.TryParse(VoipbinTime.ToWire(time), out var parsed), Is.True);
        Assert.That(parsed, Is.EqualTo(time));
        Assert.That(parsed.Kind, Is.EqualTo(DateTimeKind.Utc));
    }
}
