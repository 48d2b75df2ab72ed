using AniPlanner.Application.Common.Text;

namespace AniPlanner.UnitTests.Application;

public sealed class CsvReaderTests
{
    [Test]
    public async Task Quoted_fields_keep_commas_quotes_and_line_breaks()
    {
        var reader = new CsvReader(new StringReader("a,\"b, c\",\"say \"\"hi\"\"\"\n\"two\nlines\",,x\nlast"));

        Assert.That(await reader.ReadRecordAsync(), Is.EqualTo(new[] { "a", "b, c", "say \"hi\"" }));
        Assert.That(await reader.ReadRecordAsync(), Is.EqualTo(new[] { "two\nlines", "", "x" }));
        Assert.That(await reader.ReadRecordAsync(), Is.EqualTo(new[] { "last" }));
        Assert.That(await reader.ReadRecordAsync(), Is.Null);
    }
}
