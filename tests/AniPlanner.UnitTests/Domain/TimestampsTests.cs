using AniPlanner.Domain.Common;

namespace AniPlanner.UnitTests.Domain;

public sealed class TimestampsTests
{
    [Test]
    public void Times_are_kept_to_whole_microseconds_in_utc()
    {
        var precise = new DateTime(2022, 4, 28, 1, 50, 23, DateTimeKind.Utc).AddTicks(4_140_007);

        var kept = Timestamps.TruncateToMicroseconds(precise);

        Assert.That(kept.Ticks % 10, Is.Zero);
        Assert.That(kept, Is.EqualTo(precise.AddTicks(-7)));
        Assert.That(kept.Kind, Is.EqualTo(DateTimeKind.Utc));
    }
}
