using AniPlanner.Application.Outplans.Common;
using FluentValidation;

namespace AniPlanner.Application.Outplans.PreviewOutplanSchedule;

public sealed class PreviewOutplanScheduleValidator : AbstractValidator<PreviewOutplanSchedule>
{
    public PreviewOutplanScheduleValidator() => RuleFor(query => query.Preview).SetValidator(new SchedulePreviewFieldsValidator());
}
