using AniPlanner.Application.Common.Time;
using AniPlanner.Domain.Outplans;
using FluentValidation;

namespace AniPlanner.Application.Outplans.Common;

/// <summary>Used inside the command validators; internal so it is not registered on its own.</summary>
internal sealed class CallingWindowFieldsValidator : AbstractValidator<CallingWindowFields>
{
    private static readonly string Quiet = $"{CallingWindowWire.TimeOf(CallingWindow.QuietHoursEndMinute)}-{CallingWindowWire.TimeOf(CallingWindow.QuietHoursStartMinute)}";

    /// <param name="prefix">Where the window sits in the body: "" for its own resource, "calling_window." inline.</param>
    public CallingWindowFieldsValidator(string prefix = "")
    {
        RuleFor(fields => fields).Custom((fields, context) =>
        {
            foreach (var (field, problem) in Problems(fields))
            {
                context.AddFailure(prefix + field, prefix + problem);
            }
        });
    }

    private static IEnumerable<(string Field, string Problem)> Problems(CallingWindowFields fields)
    {
        if (fields.Days is null)
        {
            yield return ("days", $"days is required: the days calls may start on, e.g. [\"mon\",\"tue\",\"wed\",\"thu\",\"fri\"] ({CallingWindowWire.DayList}).");
        }
        else if (fields.Days.Count == 0)
        {
            yield return ("days", $"days must name at least one day: {CallingWindowWire.DayList}.");
        }
        else if (fields.Days.Count > CallingWindowWire.DayNames.Count)
        {
            yield return ("days", $"days lists at most {CallingWindowWire.DayNames.Count} days, one of each; got {fields.Days.Count}.");
        }
        else
        {
            for (var index = 0; index < fields.Days.Count; index++)
            {
                if (CallingWindowWire.DayOf(fields.Days[index]) is null)
                {
                    yield return ($"days[{index}]", $"days[{index}] '{fields.Days[index]}' is not a day: use {CallingWindowWire.DayList}.");
                }
                else if (fields.Days.Take(index).Contains(fields.Days[index]))
                {
                    yield return ($"days[{index}]", $"days[{index}] '{fields.Days[index]}' is listed twice: name each day once.");
                }
            }
        }

        var start = CallingWindowWire.MinuteOf(fields.Start);
        var end = CallingWindowWire.MinuteOf(fields.End);
        if (fields.Start is null)
        {
            yield return ("start", "start is required: the time of day calls may start from, as HH:MM on a 24-hour clock (e.g. 09:00).");
        }
        else if (start is null or CallingWindow.MinutesPerDay)
        {
            yield return ("start", $"start '{fields.Start}' is not a time of day: use HH:MM on a 24-hour clock, 00:00 to 23:59 (e.g. 09:00).");
        }

        if (fields.End is null)
        {
            yield return ("end", "end is required: the time of day calls may start until, as HH:MM on a 24-hour clock (e.g. 18:00; 24:00 is midnight).");
        }
        else if (end is null or 0)
        {
            yield return ("end", $"end '{fields.End}' is not a time of day: use HH:MM on a 24-hour clock, 00:01 to 24:00 (e.g. 18:00; 24:00 is midnight).");
        }

        if (start is { } from and < CallingWindow.MinutesPerDay && end is { } until and > 0 && until <= from)
        {
            yield return ("end",
                $"end {fields.End} must be after start {fields.Start}: a calling window lies within one day and cannot cross midnight. " +
                "To call until midnight use end 24:00; to call after it, start at 00:00.");
        }

        var calleeTime = fields.TimeZone is null or CallingWindow.CalleeTimeZone;
        if (!calleeTime && TimeZoneNames.Find(fields.TimeZone) is null)
        {
            yield return ("time_zone",
                $"time_zone '{fields.TimeZone}' is neither callee (each callee's local time) nor an IANA time zone this server knows, " +
                "such as America/New_York or Europe/London.");
        }

        if (calleeTime && fields.QuietHours is not false && start is { } opens && end is { } closes && opens < closes
            && CallingWindow.WhollyInQuietHours(opens, closes))
        {
            yield return ("quiet_hours",
                $"quiet_hours is true, so calls start only {Quiet} in the callee's time, and the window {fields.Start}-{fields.End} lies wholly outside " +
                "those hours: it would never open. Move it into them, or set quiet_hours false where the law allows.");
        }
    }
}
