using System.Text.RegularExpressions;
using AniPlanner.Application.Common.Phones;
using AniPlanner.Application.Common.Wire;
using AniPlanner.Domain.Outplans;
using FluentValidation;

namespace AniPlanner.Application.Outplans.Common;

/// <summary>Used inside the query validators; internal so it is not registered on its own.</summary>
internal sealed partial class SchedulePreviewFieldsValidator : AbstractValidator<ISchedulePreviewFields>
{
    /// <summary>Previews reach back to 1970 and forward to 2199: far enough for any plan, short of the calendar's end.</summary>
    public static readonly DateTime EarliestStart = new(1970, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    public static readonly DateTime LatestStart = new(2200, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    public SchedulePreviewFieldsValidator()
    {
        RuleFor(fields => fields).Custom((fields, context) =>
        {
            foreach (var (field, problem) in Problems(fields))
            {
                context.AddFailure(field, problem);
            }
        });
    }

    private static IEnumerable<(string Field, string Problem)> Problems(ISchedulePreviewFields fields)
    {
        if (fields.Destinations is not { Count: > 0 and <= DialLimits.DestinationCount } destinations)
        {
            yield return ("destinations",
                $"destinations must list 1 to {DialLimits.DestinationCount} destinations of the target, destination_0 first " +
                $"(e.g. [\"+12125550100\"]); got {fields.Destinations?.Count.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"}.");
        }
        else
        {
            for (var index = 0; index < destinations.Count; index++)
            {
                if (DestinationProblem(destinations[index]) is { } problem)
                {
                    yield return ($"destinations[{index}]", $"destinations[{index}] {problem}.");
                }
            }
        }

        if (fields.Start is not null && !(VoipbinTime.TryParse(fields.Start, out var start) && start >= EarliestStart && start < LatestStart))
        {
            yield return ("start",
                $"start '{fields.Start}' must be an RFC 3339 instant with its offset between 1970 and 2199, e.g. 2026-11-25T14:00:00Z " +
                "or 2026-11-25T09:00:00-05:00; leave it out to start now.");
        }
    }

    private static string? DestinationProblem(string? destination)
    {
        if (string.IsNullOrEmpty(destination))
        {
            return "is empty: give an E.164 number (+12125550100) or a SIP address (sip:user@pbx.example.com)";
        }

        if (destination.Length > SchedulePreviewFields.MaxDestinationLength)
        {
            return $"is longer than {SchedulePreviewFields.MaxDestinationLength} characters";
        }

        if (destination.StartsWith('+'))
        {
            return PhoneNumberRules.IsE164(destination, out var problem) ? null : $"'{destination}' {problem}";
        }

        return SipAddress().IsMatch(destination)
            ? null
            : $"'{destination}' is neither an E.164 number (+12125550100) nor a SIP address (sip:user@pbx.example.com)";
    }

    [GeneratedRegex(@"^sips?:[^@\s]+@[^@\s]+$")]
    private static partial Regex SipAddress();
}
