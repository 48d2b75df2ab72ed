using AniPlanner.Domain.Outplans;
using FluentValidation;

namespace AniPlanner.Application.Outplans.Common;

/// <summary>The name and detail rules shared by create and update.</summary>
internal static class OutplanBasicInfoRules
{
    public static void AddNameAndDetailRules<T>(this AbstractValidator<T> validator, Func<T, string?> name, Func<T, string?> detail)
    {
        validator.RuleFor(command => name(command) ?? "")
            .MaximumLength(Outplan.MaxNameLength)
            .OverridePropertyName("name")
            .WithMessage($"name is longer than {Outplan.MaxNameLength} characters.");
        validator.RuleFor(command => detail(command) ?? "")
            .MaximumLength(Outplan.MaxDetailLength)
            .OverridePropertyName("detail")
            .WithMessage($"detail is longer than {Outplan.MaxDetailLength} characters.");
    }
}
