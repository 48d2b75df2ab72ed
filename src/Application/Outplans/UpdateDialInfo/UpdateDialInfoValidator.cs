using AniPlanner.Application.Outplans.Common;
using FluentValidation;

namespace AniPlanner.Application.Outplans.UpdateDialInfo;

public sealed class UpdateDialInfoValidator : AbstractValidator<UpdateDialInfo>
{
    public UpdateDialInfoValidator() => RuleFor(command => command.DialInfo).SetValidator(new DialInfoFieldsValidator());
}
