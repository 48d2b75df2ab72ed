using AniPlanner.Domain.Identity;
using FluentValidation;
using AniPlanner.Application.Common.Text;

namespace AniPlanner.Application.Identity.Users;

/// <summary>The username, password and permission rules shared by the user commands.</summary>
internal static class UserRules
{
    public static bool IsValidUsername(string? username) =>
        username is { Length: >= User.MinUsernameLength and <= User.MaxUsernameLength }
        && username.All(character => char.IsAsciiLetterOrDigit(character) || character is '.' or '_' or '-' or '@');

    public static void AddPasswordRule<T>(this AbstractValidator<T> validator, Func<T, string?> password) =>
        validator.RuleFor(command => password(command))
            .Must(value => value is { Length: >= User.MinPasswordLength and <= User.MaxPasswordLength })
            .OverridePropertyName("password")
            .WithMessage($"password must be {User.MinPasswordLength} to {User.MaxPasswordLength} characters.");

    public static void AddPermissionRule<T>(this AbstractValidator<T> validator, Func<T, string?> permission) =>
        validator.RuleFor(command => permission(command))
            .Must(value => Permissions.TryParse(value, out _))
            .OverridePropertyName("permission")
            .WithMessage(command => $"permission must be one of {string.Join(", ", Permissions.Wire.Select(wire => $"\"{wire}\""))}; got '{EchoedInput.Shorten(permission(command))}'.");
}
