using AniPlanner.Application.Common.Validation;
using AniPlanner.Application.Identity.Common;
using AniPlanner.Domain.Identity;
using FluentValidation;

namespace AniPlanner.Application.Identity.Users.CreateUser;

public sealed class CreateUserValidator : AbstractValidator<CreateUser>
{
    public CreateUserValidator()
    {
        RuleFor(command => command.Username)
            .Must(IdentityRules.IsValidUsername)
            .OverridePropertyName("username")
            .WithMessage($"username must be {User.MinUsernameLength} to {User.MaxUsernameLength} letters, digits, '.', '_', '-' or '@'.");
        this.AddPasswordRule(command => command.Password);
        this.AddPermissionRule(command => command.Permission);
        this.AddNameAndDetailRules(command => command.Name, command => command.Detail);
    }
}
