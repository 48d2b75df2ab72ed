using AniPlanner.Application.Identity.Common;
using FluentValidation;

namespace AniPlanner.Application.Identity.Users.UpdateUserPassword;

public sealed class UpdateUserPasswordValidator : AbstractValidator<UpdateUserPassword>
{
    public UpdateUserPasswordValidator() => this.AddPasswordRule(command => command.Password);
}
