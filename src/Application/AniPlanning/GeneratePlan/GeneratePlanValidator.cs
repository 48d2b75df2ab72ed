using FluentValidation;
using AniPlanner.Application.Common.Text;

namespace AniPlanner.Application.AniPlanning.GeneratePlan;

public sealed class GeneratePlanValidator : AbstractValidator<GeneratePlan>
{
    public const int MaxCampaignFilter = 1000;

    public GeneratePlanValidator(TimeProvider clock)
    {
        RuleFor(command => command.DateStart)
            .Must(date => date is null || PlanOptions.TryParseDate(date, out _))
            .WithMessage(command => $"dateStart '{EchoedInput.Shorten(command.DateStart)}' is not a date: use YYYY-MM-DD.");
        RuleFor(command => command.DateEnd)
            .Must(date => date is null || PlanOptions.TryParseDate(date, out _))
            .WithMessage(command => $"dateEnd '{EchoedInput.Shorten(command.DateEnd)}' is not a date: use YYYY-MM-DD.");
        RuleFor(command => command)
            .Custom((command, context) => CheckRange(command, context, clock))
            .When(command => (command.DateStart is null || PlanOptions.TryParseDate(command.DateStart, out _))
                && (command.DateEnd is null || PlanOptions.TryParseDate(command.DateEnd, out _)));

        RuleFor(command => command.DailyDialsTarget)
            .Must(target => target is null || PlanOptions.DailyDialsTargets.ContainsKey(target))
            .WithMessage(command => $"dailyDialsTarget must be one of {PlanOptions.Allowed(PlanOptions.DailyDialsTargets.Keys)}; got '{EchoedInput.Shorten(command.DailyDialsTarget)}'.");
        RuleFor(command => command.GroupBy)
            .Must(groupBy => groupBy is null || PlanOptions.GroupBys.ContainsKey(groupBy))
            .WithMessage(command => $"groupBy must be one of {PlanOptions.Allowed(PlanOptions.GroupBys.Keys)}; got '{EchoedInput.Shorten(command.GroupBy)}'.");
        RuleFor(command => command.InventoryMode)
            .Must(mode => mode is null || PlanOptions.InventoryModes.Contains(mode))
            .WithMessage(command => $"inventoryMode must be one of {PlanOptions.Allowed(PlanOptions.InventoryModes)}; got '{EchoedInput.Shorten(command.InventoryMode)}'.");

        RuleFor(command => command)
            .Must(command => command.Campaigns is not { Count: > 0 } || command.CampaignsExclude is not { Count: > 0 })
            .WithMessage("Give campaigns or campaignsExclude, not both.");
        RuleFor(command => command)
            .Must(command => (command.Campaigns?.Count ?? 0) + (command.CampaignsExclude?.Count ?? 0) <= MaxCampaignFilter)
            .WithMessage($"A campaign filter lists at most {MaxCampaignFilter} campaigns.");
    }

    private static void CheckRange(GeneratePlan command, ValidationContext<GeneratePlan> context, TimeProvider clock)
    {
        var (start, end) = PlanOptions.Range(command.DateStart, command.DateEnd, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
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
