using AniPlanner.Application.Common.Text;
using AniPlanner.Application.Common.Validation;
using AniPlanner.Application.Common.Wire;
using AniPlanner.Domain.Identity;
using FluentValidation;

namespace AniPlanner.Application.Identity.Common;

/// <summary>The username, password, permission and customer name rules shared by the Identity commands.</summary>
internal static class IdentityRules
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
            .Must(value => WireEnum<Permission>.TryParse(value, out _))
            .OverridePropertyName("permission")
            .WithMessage(command => $"permission must be one of {WireEnum<Permission>.Quoted}; got '{EchoedInput.Shorten(permission(command))}'.");

    /// <summary>A customer's name is required (it is its display name); name and detail keep the usual limits.</summary>
    public static void AddCustomerNameRules<T>(this AbstractValidator<T> validator, Func<T, string?> name, Func<T, string?> detail)
    {
        validator.RuleFor(command => name(command))
            .NotEmpty()
            .OverridePropertyName("name")
            .WithMessage("name is required: the customer's display name.");
        validator.AddNameAndDetailRules(name, detail);
    }
}
