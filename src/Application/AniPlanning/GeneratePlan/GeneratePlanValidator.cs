using System.Linq.Expressions;
using AniPlanner.Application.Common.Text;
using FluentValidation;

namespace AniPlanner.Application.AniPlanning.GeneratePlan;

/// <summary>Checks the raw request with the functions <see cref="PlanOptions.Parse"/> reads it by, so a request that passes parses.</summary>
public sealed class GeneratePlanValidator : AbstractValidator<GeneratePlan>
{
    public const int MaxCampaignFilter = 1000;

    public GeneratePlanValidator(TimeProvider clock)
    {
        RuleFor(command => command.DateStart)
            .Must(PlanOptions.IsDateOrAbsent)
            .WithMessage((_, date) => $"dateStart '{EchoedInput.Shorten(date)}' is not a date: use YYYY-MM-DD.");
        RuleFor(command => command.DateEnd)
            .Must(PlanOptions.IsDateOrAbsent)
            .WithMessage((_, date) => $"dateEnd '{EchoedInput.Shorten(date)}' is not a date: use YYYY-MM-DD.");
        RuleFor(command => command)
            .Custom((command, context) => CheckRange(command, context, PlanOptions.Today(clock)))
            .When(command => PlanOptions.IsDateOrAbsent(command.DateStart) && PlanOptions.IsDateOrAbsent(command.DateEnd));

        RuleForChoice(command => command.DailyDialsTarget, "dailyDialsTarget", PlanOptions.DailyDialsTargets);
        RuleForChoice(command => command.GroupBy, "groupBy", PlanOptions.GroupBys);
        RuleForChoice(command => command.InventoryMode, "inventoryMode", PlanOptions.InventoryModes);

        RuleFor(command => command)
            .Must(command => command.Campaigns is not { Count: > 0 } || command.CampaignsExclude is not { Count: > 0 })
            .WithMessage("Give campaigns or campaignsExclude, not both.");
        RuleFor(command => command)
            .Must(command => (command.Campaigns?.Count ?? 0) + (command.CampaignsExclude?.Count ?? 0) <= MaxCampaignFilter)
            .WithMessage($"A campaign filter lists at most {MaxCampaignFilter} campaigns.");
    }

    private void RuleForChoice<T>(Expression<Func<GeneratePlan, string?>> option, string field, OptionChoices<T> choices) =>
        RuleFor(option)
            .Must(given => choices.TryParse(given, out _))
            .WithMessage((_, given) => $"{field} must be one of {choices.Allowed}; got '{EchoedInput.Shorten(given)}'.");

    private static void CheckRange(GeneratePlan command, ValidationContext<GeneratePlan> context, DateOnly today)
    {
        var (start, end) = PlanOptions.Range(command.DateStart, command.DateEnd, today);
        var problem = (end.DayNumber - start.DayNumber + 1) switch
        {
            < 1 => $"dateStart {start:yyyy-MM-dd} is after dateEnd {end:yyyy-MM-dd}.",
            > PlanOptions.MaxRangeDays and var days => $"The range {start:yyyy-MM-dd} to {end:yyyy-MM-dd} spans {days} days; at most {PlanOptions.MaxRangeDays}.",
            _ when PlanOptions.Weekdays(start, end) == 0 =>
                $"The range {start:yyyy-MM-dd} to {end:yyyy-MM-dd} has no weekday (Mon-Fri), so daily averages cannot be computed.",
            _ => null,
        };
        if (problem is not null)
        {
            context.AddFailure("dateStart", problem);
        }
    }
}
