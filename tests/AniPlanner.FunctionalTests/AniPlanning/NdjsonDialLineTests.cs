using System.Text.Json;
using AniPlanner.Api.AniPlanning;
using AniPlanner.Application.AniPlanning.ImportDials;

namespace AniPlanner.FunctionalTests.AniPlanning;

/// <summary>
/// An NDJSON line read with the streaming reader answers exactly what reading it as a JSON document
/// answers (the way JSON array elements are still read): the same fields, the same rejection, or
/// the same failure with the same message.
/// </summary>
public sealed class NdjsonDialLineTests
{
    private static readonly string[] Lines =
    [
        """{"callId":"c1","campaign":"sales","dialedAt":"2026-05-04T14:03:00-07:00","prospectNumber":"+12135550123","aniNumber":"+12135550100","prospectZip":"90001","contacted":true}""",
        """{"callId":"c1","campaign":"sales","dialedAt":"2026-05-04T14:03:00-07:00","prospectNumber":"+12135550123","aniNumber":"+12135550100","contacted":false}""",
        """  {"contacted":false,"aniNumber":"+1","callId":"c\u0032","extra":{"callId":"nested","list":[1,{"a":null}]},"campaign":"s"}  """,
        """{"callId":1234567890123,"contacted":true}""",
        """{"callId":-1.5e3,"contacted":true}""",
        """{"callId":"first","callId":"last","contacted":true,"contacted":false}""",
        """{"callId":"x","contacted":"yes"}""",
        """{"callId":"x","contacted":null}""",
        """{"callId":"x","contacted":1}""",
        """{"callId":null,"campaign":null,"contacted":true}""",
        """{"callId":"x","campaign":5,"dialedAt":true,"prospectNumber":{},"aniNumber":[],"prospectZip":12345,"contacted":true}""",
        """{"contacted":"no","campaign":5}""",
        """{"call\u0049d":"escaped name","contacted":true}""",
        """{"callId":"caf\u00e9 \ud83d\ude00 \"q\" \\ \/","contacted":true}""",
        """{"callId":"ünïcödé","contacted":true}""",
        """{}""",
        """[1,2,3]""",
        """ "just a string" """,
        """42""",
        """null""",
        """{"callId":"x",}""",
        """{"callId":"x"} trailing""",
        """{"callId":"x"}{"callId":"y"}""",
        """{"callId":"x" """,
        """{"callId":'x'}""",
        """{"callId":"x","contacted":tru}""",
        """not json""",
        """{"callId":"x"} // comment""",
        """[{"callId":"x"}""",
        """{"callId":"x","campaign":"\ud800","contacted":true}""",
        """{"callId":"x","campaign":"\ud800","campaign":"fine","contacted":true}""",
        """{"callId":"x","other":"\ud800","contacted":true}""",
        """{"callId":"x","prospectZip":"\ud800"}""",
        """{"callId":"x","contacted":true,"prospectZip":"\ud800"}""",
        new string('[', 70) + new string(']', 70),
        """{"a":""" + new string('[', 64) + new string(']', 64) + "}",
    ];

    [TestCaseSource(nameof(Lines))]
    public void A_line_reads_as_the_document_reader_reads_it(string line)
    {
        var expected = Outcome(() =>
        {
            using var document = JsonDocument.Parse(line);
            return DialBodyReader.FromJson(document.RootElement);
        });
        var actual = Outcome(() => NdjsonDialLine.Read(line));

        Assert.That(actual, Is.EqualTo(expected));
    }

    /// <summary>The dial read, or the failure's type and message.</summary>
    private static string Outcome(Func<DialInput> read)
    {
        try
        {
            return read().ToString();
        }
        catch (Exception failure)
        {
            return $"{failure.GetType().FullName}: {failure.Message} (inner {failure.InnerException?.GetType().FullName})";
        }
    }
}
