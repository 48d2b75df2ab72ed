using AniPlanner.Application.Common.Validation;
using AniPlanner.Application.Outplans.Common;
using AniPlanner.Domain.Outplans;
using FluentValidation;

namespace AniPlanner.Application.Outplans.CreateOutplan;

public sealed class CreateOutplanValidator : AbstractValidator<CreateOutplan>
{
    public CreateOutplanValidator()
    {
        this.AddNameAndDetailRules(command => command.Name, command => command.Detail, Outplan.MaxNameLength, Outplan.MaxDetailLength);
        RuleFor(command => command.DialInfo).SetValidator(new DialInfoFieldsValidator());
    }
}
