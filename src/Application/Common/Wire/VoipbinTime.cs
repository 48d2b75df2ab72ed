using System.Globalization;

namespace AniPlanner.Application.Common.Wire;

/// <summary>
/// VoIPBIN's timestamp format: UTC <c>YYYY-MM-DD HH:MM:SS.ffffff</c>. A time not yet set (an
/// outplan never updated or not deleted) is the sentinel <c>9999-01-01 00:00:00.000000</c>.
/// </summary>
public static class VoipbinTime
{
    public const string Format = "yyyy-MM-dd HH:mm:ss.ffffff";
    public const string NotSet = "9999-01-01 00:00:00.000000";

    public static string ToWire(DateTime value) => value.ToString(Format, CultureInfo.InvariantCulture);

    public static string ToWire(DateTime? value) => value is { } set ? ToWire(set) : NotSet;

    public static bool TryParse(string? text, out DateTime value)
    {
        var parsed = DateTime.TryParseExact(
            text,
            Format,
            CultureInfo.InvariantCulture,
            DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal,
            out value);
        value = DateTime.SpecifyKind(value, DateTimeKind.Utc);
        return parsed;
    }
}
