using AniPlanner.Application.Outplans.Common;
using FluentValidation;

namespace AniPlanner.Application.Outplans.CreateOutplan;

public sealed class CreateOutplanValidator : AbstractValidator<CreateOutplan>
{
    public CreateOutplanValidator()
    {
        this.AddNameAndDetailRules(command => command.Name, command => command.Detail);
        RuleFor(command => command.DialInfo).SetValidator(new DialInfoFieldsValidator());
    }
}
