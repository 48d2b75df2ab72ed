using AniPlanner.Application.AniPlanning.GeneratePlan;
using AniPlanner.Application.Common.Text;
using FluentValidation;

namespace AniPlanner.Application.AniPlanning.AniUsage.GetAniUsage;

/// <summary>
/// Checks the raw request with the functions <see cref="AniUsageOptions.Parse"/> reads it by, so a
/// request that passes parses: the plan's date rules and messages, the targets, the paging of GET /anis.
/// </summary>
public sealed class GetAniUsageValidator : AbstractValidator<GetAniUsage>
{
    public GetAniUsageValidator(TimeProvider clock)
    {
        RuleFor(query => query.DateStart)
            .Must(PlanOptions.IsDateOrAbsent)
            .WithMessage((_, date) => $"dateStart '{EchoedInput.Shorten(date)}' is not a date: use YYYY-MM-DD.");
        RuleFor(query => query.DateEnd)
            .Must(PlanOptions.IsDateOrAbsent)
            .WithMessage((_, date) => $"dateEnd '{EchoedInput.Shorten(date)}' is not a date: use YYYY-MM-DD.");
        RuleFor(query => query)
            .Custom((query, context) => CheckRange(query, context, PlanOptions.Today(clock)))
            .When(query => PlanOptions.IsDateOrAbsent(query.DateStart) && PlanOptions.IsDateOrAbsent(query.DateEnd));

        RuleFor(query => query.DailyDialsTarget)
            .Must(given => AniUsageOptions.TryParseTarget(given, out _))
            .WithMessage((_, given) => $"dailyDialsTarget must be {AniUsageOptions.TargetsAllowed}; got '{EchoedInput.Shorten(given)}'.");

        RuleFor(query => query.Page).GreaterThanOrEqualTo(1).WithMessage("page starts at 1.");
        RuleFor(query => query.PageSize)
            .InclusiveBetween(1, AniUsageOptions.MaxPageSize)
            .WithMessage($"pageSize must be between 1 and {AniUsageOptions.MaxPageSize}.");
    }

    /// <summary>The plan's range rules (<see cref="GeneratePlanValidator"/>), each message saying what to change.</summary>
    private static void CheckRange(GetAniUsage query, ValidationContext<GetAniUsage> context, DateOnly today)
    {
        var (start, end) = AniUsageOptions.Range(query.DateStart, query.DateEnd, today);
        var problem = (end.DayNumber - start.DayNumber + 1) switch
        {
            < 1 => $"dateStart {PlanOptions.Format(start)} is after dateEnd {PlanOptions.Format(end)}: give a dateStart on or before dateEnd.",
            > PlanOptions.MaxRangeDays and var days =>
                $"The range {PlanOptions.Format(start)} to {PlanOptions.Format(end)} spans {days} days; at most {PlanOptions.MaxRangeDays}: move dateStart or dateEnd closer.",
            _ when PlanOptions.Weekdays(start, end) == 0 =>
                $"The range {PlanOptions.Format(start)} to {PlanOptions.Format(end)} has no weekday (Mon-Fri), so daily averages cannot be computed: widen dateStart..dateEnd to a weekday.",
            _ => null,
        };
        if (problem is not null)
        {
            context.AddFailure("dateStart", problem);
        }
    }
}
