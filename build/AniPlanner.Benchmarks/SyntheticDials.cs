using System.Buffers.Text;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;

/// <summary>
/// The volume benchmark's dials: row <c>i</c> is a pure function of <c>i</c>, so the service's
/// import and the raw-insert anchor get exactly the same rows, and no side holds them in memory.
/// Call ids are unique per row; days cycle over the window; area codes, ANIs and campaigns are
/// spread by a hash of the index.
/// </summary>
internal sealed class SyntheticDials(IReadOnlyList<string> areaCodes, IReadOnlyList<string> anis, IReadOnlyList<string> campaigns, DateOnly firstDay, int days)
{
    /// <summary>The anchors' customer id (what the service stores for the benchmark's customer does not matter to them).</summary>
    public const string AnchorCustomer = "00000000-0000-0000-0000-00000000BE7C";

    private readonly byte[][] _areaCodes = [.. areaCodes.Select(Encoding.ASCII.GetBytes)];
    private readonly byte[][] _anis = [.. anis.Select(Encoding.ASCII.GetBytes)];
    private readonly byte[][] _campaigns = [.. campaigns.Select(Encoding.ASCII.GetBytes)];
    private readonly string[] _areaCodeText = [.. areaCodes];
    private readonly string[] _aniText = [.. anis];

    public IReadOnlyList<string> Campaigns { get; } = campaigns;
    public DateOnly FirstDay { get; } = firstDay;
    public DateOnly LastDay { get; } = firstDay.AddDays(days - 1);

    /// <summary>The parts of dial <paramref name="index"/>.</summary>
    public Dial this[long index]
    {
        get
        {
            var hash = Mix((ulong)index);
            return new Dial(
                index,
                (int)(hash % (ulong)_campaigns.Length),
                FirstDay.AddDays((int)(index % (LastDay.DayNumber - FirstDay.DayNumber + 1))),
                9 + (int)((hash >> 8) % 9),
                (int)((hash >> 12) % 60),
                (int)((hash >> 18) % (ulong)_areaCodes.Length),
                200 + (int)((hash >> 28) % 800),
                (int)((hash >> 38) % 10_000),
                (int)((hash >> 52) % (ulong)_anis.Length),
                (hash >> 59) % 10 < 7,
                (hash >> 4) % 100 < 27);
        }
    }

    public readonly record struct Dial(
        long Index, int Campaign, DateOnly Day, int Hour, int Minute, int AreaCode, int Exchange, int Line, int Ani, bool HasZip, bool Contacted);

    /// <summary>The dial as an NDJSON line, UTF-8, into <paramref name="buffer"/>; answers the bytes written (at most 256).</summary>
    public int WriteNdjson(long index, Span<byte> buffer)
    {
        var dial = this[index];
        var at = 0;
        void Put(ReadOnlySpan<byte> bytes, Span<byte> to)
        {
            bytes.CopyTo(to[at..]);
            at += bytes.Length;
        }

        void Number(long value, int digits, Span<byte> to)
        {
            Utf8Formatter.TryFormat(value, to[at..], out var written, new System.Buffers.StandardFormat('D', (byte)digits));
            at += written;
        }

        Put("{\"callId\":\"call-"u8, buffer);
        Number(index, 10, buffer);
        Put("\",\"campaign\":\""u8, buffer);
        Put(_campaigns[dial.Campaign], buffer);
        Put("\",\"dialedAt\":\""u8, buffer);
        Number(dial.Day.Year, 4, buffer);
        Put("-"u8, buffer);
        Number(dial.Day.Month, 2, buffer);
        Put("-"u8, buffer);
        Number(dial.Day.Day, 2, buffer);
        Put("T"u8, buffer);
        Number(dial.Hour, 2, buffer);
        Put(":"u8, buffer);
        Number(dial.Minute, 2, buffer);
        Put(":00-05:00\",\"prospectNumber\":\"+1"u8, buffer);
        Put(_areaCodes[dial.AreaCode], buffer);
        Number(dial.Exchange, 3, buffer);
        Number(dial.Line, 4, buffer);
        Put("\",\"aniNumber\":\""u8, buffer);
        Put(_anis[dial.Ani], buffer);
        Put(dial.HasZip ? "\",\"prospectZip\":\"90001\",\"contacted\":"u8 : "\",\"contacted\":"u8, buffer);
        Put(dial.Contacted ? "true}\n"u8 : "false}\n"u8, buffer);
        return at;
    }

    /// <summary>The columns the service stores for a dial, as the anchors insert them.</summary>
    public (string CallId, long CampaignId, DateTime DialedAtUtc, DateOnly Day, string ProspectNumber, string AniNumber, string Zip, bool Contacted) Row(long index)
    {
        var dial = this[index];
        return (
            "call-" + index.ToString("D10", CultureInfo.InvariantCulture),
            dial.Campaign + 1,
            dial.Day.ToDateTime(new TimeOnly(dial.Hour, dial.Minute), DateTimeKind.Utc).AddHours(5),
            dial.Day,
            string.Concat("+1", _areaCodeText[dial.AreaCode], dial.Exchange.ToString(CultureInfo.InvariantCulture), dial.Line.ToString("D4", CultureInfo.InvariantCulture)),
            _aniText[dial.Ani],
            dial.HasZip ? "90001" : "",
            dial.Contacted);
    }

    /// <summary>SplitMix64's finaliser: a cheap, well-spread hash of the index.</summary>
    private static ulong Mix(ulong value)
    {
        value += 0x9E3779B97F4A7C15;
        value = (value ^ (value >> 30)) * 0xBF58476D1CE4E5B9;
        value = (value ^ (value >> 27)) * 0x94D049BB133111EB;
        return value ^ (value >> 31);
    }
}

/// <summary>An NDJSON body of dials <c>first</c> to <c>first + count - 1</c>, written as it is sent (chunked): the client holds 64 KB of it.</summary>
internal sealed class NdjsonDialContent : HttpContent
{
    private readonly SyntheticDials _dials;
    private readonly long _first;
    private readonly long _count;

    public NdjsonDialContent(SyntheticDials dials, long first, long count)
    {
        (_dials, _first, _count) = (dials, first, count);
        Headers.ContentType = new MediaTypeHeaderValue("application/x-ndjson");
    }

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
    {
        var buffer = new byte[1 << 16];
        var used = 0;
        for (var index = _first; index < _first + _count; index++)
        {
            if (buffer.Length - used < 256)
            {
                await stream.WriteAsync(buffer.AsMemory(0, used));
                used = 0;
            }

            used += _dials.WriteNdjson(index, buffer.AsSpan(used));
        }

        await stream.WriteAsync(buffer.AsMemory(0, used));
    }

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }
}
