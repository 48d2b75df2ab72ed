using AniPlanner.Application.Common.Validation;
using AniPlanner.Application.Identity.Common;
using FluentValidation;

namespace AniPlanner.Application.Identity.Users.UpdateUser;

public sealed class UpdateUserValidator : AbstractValidator<UpdateUser>
{
    public UpdateUserValidator()
    {
        this.AddPermissionRule(command => command.Permission);
        this.AddNameAndDetailRules(command => command.Name, command => command.Detail);
    }
}
