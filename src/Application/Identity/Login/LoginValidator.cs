using AniPlanner.Domain.Identity;
using FluentValidation;

namespace AniPlanner.Application.Identity.Login;

public sealed class LoginValidator : AbstractValidator<Login>
{
    public LoginValidator()
    {
        RuleFor(command => command.Username).NotEmpty().OverridePropertyName("username").WithMessage("username is required.");

        // No user has a longer one; it also keeps what throttling remembers per username small.
        RuleFor(command => command.Username)
            .Must(username => username is null || User.NormalizeUsername(username).Length <= User.MaxUsernameLength)
            .OverridePropertyName("username")
            .WithMessage($"username is at most {User.MaxUsernameLength} characters.");
        RuleFor(command => command.Password).NotEmpty().OverridePropertyName("password").WithMessage("password is required.");
    }
}
