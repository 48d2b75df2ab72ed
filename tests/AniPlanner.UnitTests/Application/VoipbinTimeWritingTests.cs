using System.Globalization;
using AniPlanner.Application.Common.Wire;

namespace AniPlanner.UnitTests.Application;

/// <summary>Both wire forms, written digit by digit, are exactly what their format strings write.</summary>
public sealed class VoipbinTimeWritingTests
{
    [TestCase("2026-11-24T05:00:33.2677909")]
    [TestCase("2026-11-24T05:00:33")]
    [TestCase("0001-01-01T00:00:00")]
    [TestCase("0999-02-03T04:05:06.0000010")]
    [TestCase("9999-12-31T23:59:59.9999999")]
    public void Both_forms_match_their_format_strings(string iso)
    {
        var time = DateTime.Parse(iso, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);

        Assert.Multiple(() =>
        {
            Assert.That(VoipbinTime.ToWire(time), Is.EqualTo(time.ToString(VoipbinTime.Format, CultureInfo.InvariantCulture)));
            Assert.That(VoipbinTime.ToRfc3339(time), Is.EqualTo(time.ToString(VoipbinTime.Rfc3339Format, CultureInfo.InvariantCulture)));
        });
    }

    [Test]
    public void Random_times_match_their_format_strings()
    {
        var random = new Random(20261125);
        for (var i = 0; i < 10_000; i++)
        {
            var time = new DateTime(random.NextInt64(DateTime.MinValue.Ticks, DateTime.MaxValue.Ticks), DateTimeKind.Utc);
            Assert.That(VoipbinTime.ToWire(time), Is.EqualTo(time.ToString(VoipbinTime.Format, CultureInfo.InvariantCulture)), $"{time.Ticks} ticks");
            Assert.That(VoipbinTime.ToRfc3339(time), Is.EqualTo(time.ToString(VoipbinTime.Rfc3339Format, CultureInfo.InvariantCulture)), $"{time.Ticks} ticks");
        }
    }
}
