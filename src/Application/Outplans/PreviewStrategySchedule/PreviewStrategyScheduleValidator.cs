using AniPlanner.Application.Outplans.Common;
using FluentValidation;

namespace AniPlanner.Application.Outplans.PreviewStrategySchedule;

public sealed class PreviewStrategyScheduleValidator : AbstractValidator<PreviewStrategySchedule>
{
    public PreviewStrategyScheduleValidator()
    {
        RuleFor(query => query.Strategy).SetValidator(new DialInfoFieldsValidator());
        RuleFor(query => query.Strategy).SetValidator(new SchedulePreviewFieldsValidator());
        RuleFor(query => query.Strategy.CallingWindow!)
            .SetValidator(new CallingWindowFieldsValidator("calling_window."))
            .When(query => query.Strategy.CallingWindow is not null);
    }
}
