using System.Globalization;
using AniPlanner.Application.AniPlanning.Common;
using AniPlanner.Application.Common.Text;
using AniPlanner.Application.Common.Time;
using AniPlanner.Domain.AniPlanning.Campaigns;
using AniPlanner.Domain.AniPlanning.Dispositions;
using AniPlanner.Domain.AniPlanning.Settings;

namespace AniPlanner.Application.AniPlanning.ImportDials;

/// <summary>
/// The checks every streamed dial row passes before it is staged. Written by hand rather than as
/// a FluentValidation validator: it runs for millions of rows and also converts what it checks
/// (dates, numbers, ZIPs), so each row is parsed once.
/// </summary>
public sealed class DialRowRules(
    IPhoneGeography geography,
    IReadOnlyDictionary<string, Campaign> campaigns,
    EffectivePlannerSettings company,
    DateTimeOffset now,
    IReadOnlyDictionary<string, DispositionFlag>? dispositions = null,
    DialFieldNames? fieldNames = null)
{
    private readonly DialFieldNames _names = fieldNames ?? DialFieldNames.AniPlanner;

    public const int MaxCallIdLength = 128;

    /// <summary>What a time that is none of the accepted shapes is answered with.</summary>
    public const string TimeShapes =
        "an ISO-8601 time with an offset (2026-05-04T14:03:00-07:00, 2026-05-04T21:03:00Z) or a UTC time without one (2026-05-04 21:03:00)";

    private static readonly string[] OffsetFormats = ["yyyy-MM-dd'T'HH:mm:sszzz", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz"];
    private static readonly string[] UtcFormats = ["yyyy-MM-dd'T'HH:mm:ss'Z'", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'"];

    /// <summary>UTC as dialers export it, with no offset: a space or a T between date and time, seconds optionally with a fraction.</summary>
    private static readonly string[] UnzonedFormats =
        ["yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm:ss.FFFFFFF", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF"];

    /// <summary>The company's zone, validated when it was set; UTC should this machine's time-zone database lack it.</summary>
    private readonly TimeZoneInfo _companyZone = TimeZoneNames.Find(company.TimeZone) ?? TimeZoneInfo.Utc;

    /// <summary>Dials may be reported a little ahead of our clock, never a day ahead.</summary>
    private static readonly TimeSpan FutureTolerance = TimeSpan.FromDays(1);

    public bool TryStage(DialInput row, out StagedDial dial, out string problem)
    {
        dial = default;
        problem = Check(row, lookUp: true, out var campaignId, out var dialedAt, out var day, out var prospect, out var ani, out var zip, out var outcome);
        if (problem.Length > 0)
        {
            return false;
        }

        // Surrounding blanks are not part of the id (SQL Server would ignore trailing ones anyway):
        // every database compares what is left, case-sensitively.
        dial = new StagedDial(
            row.CallId!.Trim(),
            campaignId,
            dialedAt.UtcDateTime,
            day,
            prospect.Number,
            ani.Number,
            zip,
            outcome.Contacted,
            prospect.Area.AreaKey,
            ani.Area.AreaKey,
            geography.ZipAreaKey(zip),
            outcome.DispositionId);
        return true;
    }

    /// <summary>
    /// What is wrong with the row but for whether its campaign and its disposition name exist ("" when
    /// nothing): a dialer's new campaign or disposition name is declared for a row with nothing else wrong, and only for one.
    /// </summary>
    public string ProblemButForItsLookups(DialInput row) =>
        Check(row, lookUp: false, out _, out _, out _, out _, out _, out _, out _);

    private string Check(
        DialInput row,
        bool lookUp,
        out long campaignId,
        out DateTimeOffset dialedAt,
        out DateOnly day,
        out ReadNumber prospect,
        out ReadNumber ani,
        out string zip,
        out (bool Contacted, long? DispositionId) outcome)
    {
        (campaignId, dialedAt, day, prospect, ani, zip, outcome) = (0, default, default, default, default, "", default);
        if (row.ReadError is not null)
        {
            return row.ReadError;
        }

        if (string.IsNullOrWhiteSpace(row.CallId) || row.CallId.Trim().Length > MaxCallIdLength)
        {
            return $"{_names.CallId} is required: the dialer's id of the call, at most {MaxCallIdLength} characters.";
        }

        if (string.IsNullOrWhiteSpace(row.Campaign))
        {
            return $"{_names.Campaign} is required: the campaign that placed the call.";
        }

        if (campaigns.TryGetValue(row.Campaign, out var campaign))
        {
            if (!campaign.PlacesDials)
            {
                return $"{_names.Campaign} '{EchoedInput.Shorten(row.Campaign)}' is inbound: dials belong to outbound or autodial campaigns.";
            }

            campaignId = campaign.Id;
        }
        else if (lookUp)
        {
            return $"{_names.Campaign} '{EchoedInput.Shorten(row.Campaign)}' is not a campaign of this company: create it with PUT /ani-planner/campaigns/{{internalIdentifier}} first.";
        }

        if (!TryParseDialedAt(row.DialedAt, out dialedAt, out var zoned))
        {
            return $"{_names.DialedAt} '{EchoedInput.Shorten(row.DialedAt)}' is not {TimeShapes}.";
        }

        if (dialedAt > now + FutureTolerance)
        {
            return $"{_names.DialedAt} '{EchoedInput.Shorten(row.DialedAt)}' is in the future.";
        }

        // A dial's day is its calendar date where it was made: in its own offset, else on the company's clock.
        day = DateOnly.FromDateTime(zoned ? dialedAt.DateTime : TimeZoneInfo.ConvertTimeFromUtc(dialedAt.UtcDateTime, _companyZone));
        if (!TryRead(row.ProspectNumber, out prospect, out var prospectProblem))
        {
            return $"{_names.ProspectNumber} {prospectProblem}.";
        }

        if (!TryRead(row.AniNumber, out ani, out var aniProblem))
        {
            return $"{_names.AniNumber} {aniProblem}.";
        }

        if (!TryNormalizeZip(row.ProspectZip, out zip))
        {
            return $"{_names.ProspectZip} '{EchoedInput.Shorten(row.ProspectZip)}' is not a US ZIP (5 digits, optionally -4 more); leave it out when unknown.";
        }

        return lookUp ? Outcome(row, out outcome) : string.IsNullOrWhiteSpace(row.DispositionName) && row.Contacted is null ? _names.MissingOutcome : "";
    }

    /// <summary>Whether the call reached the prospect: its disposition's contact flag when it names one, else its contacted flag.</summary>
    private string Outcome(DialInput row, out (bool Contacted, long? DispositionId) outcome)
    {
        outcome = default;
        if (!string.IsNullOrWhiteSpace(row.DispositionName))
        {
            if (dispositions is null || !dispositions.TryGetValue(Disposition.KeyOf(row.DispositionName), out var disposition))
            {
                return $"{_names.Disposition} '{EchoedInput.Shorten(row.DispositionName)}' is not a disposition of this company.";
            }

            outcome = (disposition.Contact, disposition.Id);
            return "";
        }

        if (row.Contacted is null)
        {
            return _names.MissingOutcome;
        }

        outcome = (row.Contacted.Value, null);
        return "";
    }

    private bool TryRead(string? number, out ReadNumber read, out string problem)
    {
        var known = geography.TryRead(number, company.NumberRegion, out var e164, out var area, out problem);
        read = new ReadNumber(e164, area);
        return known;
    }

    /// <summary>A number as stored (E.164) and where it belongs.</summary>
    private readonly record struct ReadNumber(string Number, NumberArea Area);

    /// <summary>The instant; <paramref name="zoned"/> says whether the text gave its own offset (Z included).</summary>
    public static bool TryParseDialedAt(string? text, out DateTimeOffset value, out bool zoned)
    {
        value = default;
        zoned = true;
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        if (TryParseCommonShape(text, out value))
        {
            return true;
        }

        if (text.EndsWith('Z'))
        {
            return DateTimeOffset.TryParseExact(text, UtcFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out value);
        }

        if (DateTimeOffset.TryParseExact(text, OffsetFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out value))
        {
            return true;
        }

        zoned = false;
        return DateTimeOffset.TryParseExact(
            text, UnzonedFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out value);
    }

    /// <summary>
    /// The shapes dialers send almost always, "2026-05-04T14:03:00-07:00" and "2026-05-04T21:03:00Z",
    /// read digit by digit: the format parser was a large part of a bulk import's time per row. Only
    /// plainly valid values are taken here; anything else (other shapes, a fraction, a leap second,
    /// an offset past 14 hours, the calendar's ends) goes to the format parser, which decides as before.
    /// </summary>
    internal static bool TryParseCommonShape(string text, out DateTimeOffset value)
    {
        value = default;
        var utc = text.Length == 20 && text[19] == 'Z';
        if (!utc && (text.Length != 25 || text[22] != ':' || text[19] is not ('+' or '-')))
        {
            return false;
        }

        if (text[4] != '-' || text[7] != '-' || text[10] != 'T' || text[13] != ':' || text[16] != ':'
            || !TwoDigits(text, 0, out var century) || !TwoDigits(text, 2, out var yearOfCentury) || !TwoDigits(text, 5, out var month)
            || !TwoDigits(text, 8, out var day) || !TwoDigits(text, 11, out var hour) || !TwoDigits(text, 14, out var minute)
            || !TwoDigits(text, 17, out var second))
        {
            return false;
        }

        var year = century * 100 + yearOfCentury;
        var offsetMinutes = 0;
        if (!utc)
        {
            if (!TwoDigits(text, 20, out var offsetHours) || !TwoDigits(text, 23, out var offsetMinute) || offsetMinute > 59)
            {
                return false;
            }

            offsetMinutes = (text[19] == '-' ? -1 : 1) * (offsetHours * 60 + offsetMinute);
        }

        if (year is < 1000 or > 9000 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)
            || hour > 23 || minute > 59 || second > 59 || Math.Abs(offsetMinutes) > 14 * 60)
        {
            return false;
        }

        value = new DateTimeOffset(year, month, day, hour, minute, second, TimeSpan.FromMinutes(offsetMinutes));
        return true;
    }

    private static bool TwoDigits(string text, int at, out int value)
    {
        var (tens, ones) = (text[at] - '0', text[at + 1] - '0');
        value = tens * 10 + ones;
        return (uint)tens <= 9 && (uint)ones <= 9;
    }

    /// <summary>"90001" and "90001-1234" both become "90001"; empty stays empty.</summary>
    private static bool TryNormalizeZip(string? text, out string zip)
    {
        zip = "";
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        var trimmed = text.Trim();
        var shape = trimmed.Length switch
        {
            5 => trimmed.All(char.IsAsciiDigit),
            10 => trimmed[5] == '-' && trimmed.Remove(5, 1).All(char.IsAsciiDigit),
            9 => trimmed.All(char.IsAsciiDigit),
            _ => false,
        };
        zip = shape ? trimmed[..5] : "";
        return shape;
    }
}
