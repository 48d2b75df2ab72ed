using AniPlanner.Application.Common.Text;

namespace AniPlanner.UnitTests.Application;

public sealed class EchoedInputTests
{
    [TestCase(null, "")]
    [TestCase("", "")]
    [TestCase("short", "short")]
    public void A_short_value_is_quoted_as_it_is(string? value, string expected) =>
        Assert.That(EchoedInput.Shorten(value), Is.EqualTo(expected));

    [Test]
    public void A_value_of_exactly_the_limit_is_not_cut() =>
        Assert.That(EchoedInput.Shorten(new string('x', EchoedInput.MaxLength)), Is.EqualTo(new string('x', EchoedInput.MaxLength)));

    [Test]
    public void A_longer_value_is_cut_to_the_limit_and_an_ellipsis() =>
        Assert.That(EchoedInput.Shorten(new string('x', 1_000_000)), Is.EqualTo(new string('x', EchoedInput.MaxLength) + "…"));

    [Test]
    public void An_emoji_across_the_limit_is_left_out_whole_not_halved()
    {
        var value = new string('x', EchoedInput.MaxLength - 1) + "😀" + "tail";

        var echoed = EchoedInput.Shorten(value);

        Assert.That(echoed, Is.EqualTo(new string('x', EchoedInput.MaxLength - 1) + "…"));
        Assert.That(echoed.Any(char.IsSurrogate), Is.False);
    }
}
