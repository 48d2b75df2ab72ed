using AniPlanner.Application.Common.Text;

namespace AniPlanner.UnitTests.Application;

public sealed class BoundedLineReaderTests
{
    [Test]
    public async Task Lines_end_at_line_feeds_with_carriage_returns_dropped()
    {
        var reader = new BoundedLineReader(new StringReader("one\r\ntwo\n\nthree"), maxLength: 10);

        Assert.That(await reader.ReadLineAsync(), Is.EqualTo(new BoundedLine("one", false)));
        Assert.That(await reader.ReadLineAsync(), Is.EqualTo(new BoundedLine("two", false)));
        Assert.That(await reader.ReadLineAsync(), Is.EqualTo(new BoundedLine("", false)));
        Assert.That(await reader.ReadLineAsync(), Is.EqualTo(new BoundedLine("three", false)));
        Assert.That(await reader.ReadLineAsync(), Is.Null);
    }

    [Test]
    public async Task A_line_past_the_limit_is_read_past_without_being_held_and_the_next_line_reads_normally()
    {
        // Longer than the reader's own buffer, so the line spans several reads.
        var reader = new BoundedLineReader(new StringReader("exactly10!\n" + new string('x', 50_000) + "\r\nafter"), maxLength: 10);

        Assert.That(await reader.ReadLineAsync(), Is.EqualTo(new BoundedLine("exactly10!", false)));
        Assert.That(await reader.ReadLineAsync(), Is.EqualTo(new BoundedLine("", true)));
        Assert.That(await reader.ReadLineAsync(), Is.EqualTo(new BoundedLine("after", false)));
        Assert.That(await reader.ReadLineAsync(), Is.Null);
    }

    [Test]
    public async Task A_csv_record_past_the_limit_says_which_record_and_why()
    {
        var reader = new CsvReader(new StringReader("a,b\n1,\"open quote\n" + string.Join('\n', Enumerable.Repeat("2,3", 20))), maxRecordLength: 30);

        Assert.That(await reader.ReadRecordAsync(), Is.EqualTo(new[] { "a", "b" }));
        var tooLong = Assert.ThrowsAsync<CsvRecordTooLongException>(async () => await reader.ReadRecordAsync());
        Assert.That(tooLong!.RecordIndex, Is.EqualTo(1));
        Assert.That(tooLong.Message, Does.Contain("never closed"));
    }
}
