using FluentValidation;

namespace AniPlanner.Application.Identity.Common;

/// <summary>The name and detail rules every identity resource shares.</summary>
internal static class IdentityValidationRules
{
    public const int MaxNameLength = 255;
    public const int MaxDetailLength = 2000;

    public static void AddNameAndDetailRules<T>(this AbstractValidator<T> validator, Func<T, string?> name, Func<T, string?> detail)
    {
        validator.RuleFor(command => name(command) ?? "")
            .MaximumLength(MaxNameLength)
            .OverridePropertyName("name")
            .WithMessage($"name is longer than {MaxNameLength} characters.");
        validator.RuleFor(command => detail(command) ?? "")
            .MaximumLength(MaxDetailLength)
            .OverridePropertyName("detail")
            .WithMessage($"detail is longer than {MaxDetailLength} characters.");
    }
}
