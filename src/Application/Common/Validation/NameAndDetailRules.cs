using FluentValidation;

namespace AniPlanner.Application.Common.Validation;

/// <summary>The name and detail rules every resource with basic info shares.</summary>
public static class NameAndDetailRules
{
    public const int MaxNameLength = 255;
    public const int MaxDetailLength = 2000;

    public static void AddNameAndDetailRules<T>(
        this AbstractValidator<T> validator,
        Func<T, string?> name,
        Func<T, string?> detail,
        int maxNameLength = MaxNameLength,
        int maxDetailLength = MaxDetailLength)
    {
        validator.RuleFor(command => name(command) ?? "")
            .MaximumLength(maxNameLength)
            .OverridePropertyName("name")
            .WithMessage($"name is longer than {maxNameLength} characters.");
        validator.RuleFor(command => detail(command) ?? "")
            .MaximumLength(maxDetailLength)
            .OverridePropertyName("detail")
            .WithMessage($"detail is longer than {maxDetailLength} characters.");
    }
}
