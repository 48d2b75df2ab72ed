using System.Globalization;
using System.Text.RegularExpressions;

namespace AniPlanner.Application.Common.Wire;

/// <summary>
/// VoIPBIN's timestamps, in both forms its clients use. The seeds' (legacy) form is UTC
/// <c>YYYY-MM-DD HH:MM:SS.ffffff</c>, a time not yet set being the sentinel
/// <c>9999-01-01 00:00:00.000000</c>; VoIPBIN's current API speaks RFC 3339
/// (<c>2026-11-24T05:00:33.267790Z</c>), a time not yet set being null. Which one the service
/// writes is <see cref="WireTimeFormat"/>'s choice; both are always read.
/// </summary>
public static partial class VoipbinTime
{
    public const string Format = "yyyy-MM-dd HH:mm:ss.ffffff";
    public const string Rfc3339Format = "yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'";
    public const string NotSet = "9999-01-01 00:00:00.000000";

    /// <summary>Ticks hold 7 fractional digits; more are rounded up, see <see cref="TryParse"/>.</summary>
    private const int TickDigits = 7;

    public static string ToWire(DateTime value) => string.Create(Format.Length, value, static (text, time) =>
    {
        TimeDigits.WriteDateTime(text, time, ' ');
        TimeDigits.WriteMicroseconds(text[19..], time);
    });

    public static string ToWire(DateTime? value) => value is { } set ? ToWire(set) : NotSet;

    public static string ToRfc3339(DateTime value) => string.Create(Format.Length + 1, value, static (text, time) =>
    {
        TimeDigits.WriteDateTime(text, time, 'T');
        TimeDigits.WriteMicroseconds(text[19..], time);
        text[26] = 'Z';
    });

    /// <summary>
    /// Reads the legacy form (exactly six fractional digits, UTC) or RFC 3339 (any number of
    /// fractional digits or none, <c>Z</c> or an offset such as <c>+09:00</c>), answering UTC.
    /// Digits beyond a tick round the instant up: stored times are whole microseconds, so a time
    /// before the token stays before it.
    /// </summary>
    public static bool TryParse(string? text, out DateTime value)
    {
        value = default;
        if (text is null)
        {
            return false;
        }

        if (DateTime.TryParseExact(text, Format, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var legacy))
        {
            value = DateTime.SpecifyKind(legacy, DateTimeKind.Utc);
            return true;
        }

        return TryParseRfc3339(text, out value);
    }

    private static bool TryParseRfc3339(string text, out DateTime value)
    {
        value = default;
        var match = Rfc3339().Match(text);
        if (!match.Success
            || !DateTime.TryParseExact(match.Groups["time"].Value.ToUpperInvariant(), "yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return false;
        }

        var fraction = match.Groups["fraction"].Value;
        var ticks = fraction.Length == 0 ? 0 : long.Parse(fraction.PadRight(TickDigits, '0')[..TickDigits], CultureInfo.InvariantCulture);
        if (fraction.Length > TickDigits && fraction[TickDigits..].Any(digit => digit != '0'))
        {
            ticks++;
        }

        var offset = TimeSpan.Zero;
        if (match.Groups["offset"].Value is { Length: > 1 } zone)
        {
            var hours = int.Parse(zone[1..3], CultureInfo.InvariantCulture);
            var minutes = int.Parse(zone[4..6], CultureInfo.InvariantCulture);
            if (hours > 23 || minutes > 59)
            {
                return false;
            }

            offset = new TimeSpan(hours, minutes, 0) * (zone[0] == '-' ? -1 : 1);
        }

        var utcTicks = local.Ticks + ticks - offset.Ticks;
        if (utcTicks < DateTime.MinValue.Ticks || utcTicks > DateTime.MaxValue.Ticks)
        {
            return false;
        }

        value = new DateTime(utcTicks, DateTimeKind.Utc);
        return true;
    }

    [GeneratedRegex(@"^(?<time>[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt][0-9]{2}:[0-9]{2}:[0-9]{2})(?:\.(?<fraction>[0-9]{1,100}))?(?<offset>[Zz]|[+-][0-9]{2}:[0-9]{2})$")]
    private static partial Regex Rfc3339();
}
