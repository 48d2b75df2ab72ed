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
    [TestCase("2022-04-28 01:50:23", false)]
    [TestCase("2022-04-28T01:50:23.414000Z", false)]
    [TestCase("2022-13-28 01:50:23.414000", false)]
    public void Page_token_must_be_a_voipbin_timestamp(string token, bool valid) =>
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

    [Test]
    public void A_printed_time_parses_back_to_the_same_utc_instant()
    {
        var time = new DateTime(2022, 5, 2, 5, 59, 44, DateTimeKind.Utc).AddTicks(2_906_580);

        Assert.That(VoipbinTime.TryParse(VoipbinTime.ToWire(time), out var parsed), Is.True);
        Assert.That(parsed, Is.EqualTo(time));
        Assert.That(parsed.Kind, Is.EqualTo(DateTimeKind.Utc));
    }
}
