using System.Globalization;
using System.Text.RegularExpressions;
using AniPlanner.Domain.Outplans;

namespace AniPlanner.Application.Outplans.Common;

/// <summary>How a calling window's days and times are written on the wire, both ways.</summary>
public static partial class CallingWindowWire
{
    /// <summary>Monday first, as a week is read in most of the world and in the window's <c>days</c>.</summary>
    public static readonly IReadOnlyList<(string Name, CallingDays Day)> DayNames =
    [
        ("mon", CallingDays.Monday), ("tue", CallingDays.Tuesday), ("wed", CallingDays.Wednesday), ("thu", CallingDays.Thursday),
        ("fri", CallingDays.Friday), ("sat", CallingDays.Saturday), ("sun", CallingDays.Sunday),
    ];

    public static readonly string DayList = "mon, tue, wed, thu, fri, sat or sun";

    public static CallingDays? DayOf(string? name) => DayNames.FirstOrDefault(day => day.Name == name) is { Name: not null } known ? known.Day : null;

    /// <summary>Minutes since midnight of <c>HH:MM</c>, 00:00 to 24:00; null when it is not that.</summary>
    public static int? MinuteOf(string? text)
    {
        var match = text is null ? null : TimeOfDay().Match(text);
        if (match is not { Success: true })
        {
            return null;
        }

        var minute = (int.Parse(match.Groups["hour"].Value, CultureInfo.InvariantCulture) * 60) + int.Parse(match.Groups["minute"].Value, CultureInfo.InvariantCulture);
        return minute <= CallingWindow.MinutesPerDay ? minute : null;
    }

    public static string TimeOf(int minute) => string.Create(CultureInfo.InvariantCulture, $"{minute / 60:00}:{minute % 60:00}");

    public static CallingWindowDto ToDto(CallingWindow window) => new()
    {
        Days = [.. DayNames.Where(day => window.Days.HasFlag(day.Day)).Select(day => day.Name)],
        Start = TimeOf(window.StartMinute),
        End = TimeOf(window.EndMinute),
        TimeZone = window.TimeZone,
        QuietHours = window.QuietHours,
    };

    [GeneratedRegex("^(?<hour>[01][0-9]|2[0-4]):(?<minute>[0-5][0-9])$")]
    private static partial Regex TimeOfDay();
}
