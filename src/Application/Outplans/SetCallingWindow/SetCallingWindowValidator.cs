using AniPlanner.Application.Outplans.Common;
using FluentValidation;

namespace AniPlanner.Application.Outplans.SetCallingWindow;

public sealed class SetCallingWindowValidator : AbstractValidator<SetCallingWindow>
{
    public SetCallingWindowValidator() => RuleFor(command => command.Window).SetValidator(new CallingWindowFieldsValidator());
}
