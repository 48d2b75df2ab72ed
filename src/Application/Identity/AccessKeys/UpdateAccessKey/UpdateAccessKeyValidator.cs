using AniPlanner.Application.Common.Validation;
using FluentValidation;

namespace AniPlanner.Application.Identity.AccessKeys.UpdateAccessKey;

public sealed class UpdateAccessKeyValidator : AbstractValidator<UpdateAccessKey>
{
    public UpdateAccessKeyValidator() => this.AddNameAndDetailRules(command => command.Name, command => command.Detail);
}
