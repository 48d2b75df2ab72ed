using AniPlanner.Domain.Outplans;
using FluentValidation;

namespace AniPlanner.Application.Outplans.Common;

/// <summary>Used inside the command validators; internal so it is not registered on its own.</summary>
internal sealed class DialInfoFieldsValidator : AbstractValidator<DialInfoFields>
{
    public DialInfoFieldsValidator()
    {
        RuleFor(fields => fields.DialTimeout)
            .Custom((value, context) => CheckMilliseconds(context, "dial_timeout", value, DialLimits.MaxDialTimeout, "10 minutes", "30000 for 30 seconds"));

        RuleFor(fields => fields.TryInterval)
            .Custom((value, context) => CheckMilliseconds(context, "try_interval", value, DialLimits.MaxTryInterval, "30 days", "3600000 for 1 hour"));

        for (var index = 0; index < DialLimits.DestinationCount; index++)
        {
            var destination = index;
            RuleFor(fields => fields.MaxTryCounts[destination])
                .InclusiveBetween(0, DialLimits.MaxTryCount)
                .When(fields => fields.MaxTryCounts[destination] is not null)
                .OverridePropertyName($"max_try_count_{destination}")
                .WithMessage(fields =>
                    $"max_try_count_{destination} must be between 0 and {DialLimits.MaxTryCount} (tries of destination_{destination}); got {fields.MaxTryCounts[destination]}.");
        }

        RuleFor(fields => fields.Source!)
            .SetValidator(new AddressFieldsValidator("source"))
            .When(fields => fields.Source is not null);
    }

    private static void CheckMilliseconds(
        ValidationContext<DialInfoFields> context, string field, long? value, long max, string maxInWords, string example)
    {
        var problem = value switch
        {
            null => $"{field} is required: a duration in milliseconds, e.g. {example}.",
            <= 0 => $"{field} must be a positive number of milliseconds (at least {DialLimits.MinMilliseconds}); got {value}.",
            < DialLimits.MinMilliseconds =>
                $"{field} is in milliseconds and must be at least {DialLimits.MinMilliseconds}; {value} looks like seconds: did you mean {value * 1000}?",
            _ when value > max => $"{field} must be at most {max} milliseconds ({maxInWords}); got {value}.",
            _ => null,
        };
        if (problem is not null)
        {
            context.AddFailure(field, problem);
        }
    }
}
