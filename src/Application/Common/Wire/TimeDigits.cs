namespace AniPlanner.Application.Common.Wire;

/// <summary>
/// Fixed-width dates and times written digit by digit, the same text the invariant culture's
/// format strings give: a custom format string is parsed on every call, which was a visible share
/// of answering a get by id (three timestamps) and of staging a dial.
/// </summary>
public static class TimeDigits
{
    /// <summary><c>yyyy-MM-dd</c> into the first 10 characters.</summary>
    public static void WriteDate(Span<char> text, int year, int month, int day)
    {
        Write(text[..4], year);
        text[4] = '-';
        Write(text[5..7], month);
        text[7] = '-';
        Write(text[8..10], day);
    }

    /// <summary><c>yyyy-MM-dd?HH:mm:ss</c> into the first 19 characters, <paramref name="separator"/> between date and time.</summary>
    public static void WriteDateTime(Span<char> text, DateTime value, char separator)
    {
        WriteDate(text, value.Year, value.Month, value.Day);
        text[10] = separator;
        Write(text[11..13], value.Hour);
        text[13] = ':';
        Write(text[14..16], value.Minute);
        text[16] = ':';
        Write(text[17..19], value.Second);
    }

    /// <summary><c>.ffffff</c> (truncated, like the format string) into the first 7 characters.</summary>
    public static void WriteMicroseconds(Span<char> text, DateTime value)
    {
        text[0] = '.';
        Write(text[1..7], (int)(value.Ticks % TimeSpan.TicksPerSecond / (TimeSpan.TicksPerMillisecond / 1000)));
    }

    /// <summary><paramref name="value"/> (not negative) in exactly <paramref name="text"/>'s length, zero-padded.</summary>
    public static void Write(Span<char> text, int value)
    {
        for (var at = text.Length - 1; at >= 0; at--, value /= 10)
        {
            text[at] = (char)('0' + value % 10);
        }
    }
}
