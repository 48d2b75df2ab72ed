using AniPlanner.Application.Common.Validation;
using AniPlanner.Domain.Outplans;
using FluentValidation;

namespace AniPlanner.Application.Outplans.UpdateOutplan;

public sealed class UpdateOutplanValidator : AbstractValidator<UpdateOutplan>
{
    public UpdateOutplanValidator() => this.AddNameAndDetailRules(command => command.Name, command => command.Detail, Outplan.MaxNameLength, Outplan.MaxDetailLength);
}
