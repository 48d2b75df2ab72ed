using AniPlanner.Application.AniPlanning.Common;
using AniPlanner.Application.Common.Phones;
using FluentValidation;

namespace AniPlanner.Application.AniPlanning.AniInventory.UpsertAnis;

public sealed class UpsertAnisValidator : AbstractValidator<UpsertAnis>
{
    public const int MaxItems = 10_000;

    public UpsertAnisValidator() =>
        RuleFor(command => command.Items.Count)
            .InclusiveBetween(1, MaxItems)
            .WithMessage(command => $"Send between 1 and {MaxItems} ANIs per request; got {command.Items.Count}.");
}

/// <summary>Checks one ANI; the handler reports failures per item instead of failing the request.</summary>
public sealed class AniInputValidator : AbstractValidator<AniInput>
{
    public AniInputValidator(IPhoneGeography geography)
    {
        RuleFor(ani => ani.Number)
            .Must(number => PhoneNumberRules.IsE164(number, out _) && geography.TryLocate(number, out _, out _))
            .WithMessage(ani =>
            {
                PhoneNumberRules.IsE164(ani.Number, out var problem);
                return $"number '{ani.Number}' {(problem.Length > 0 ? problem : "is not a phone number")}.";
            });
        RuleFor(ani => ani.Status)
            .Must(status => status is not null && AniStatuses.Wire.Contains(status))
            .WithMessage(ani => $"status must be one of \"active\", \"inactive\", \"removed\"; got '{ani.Status}'.");
        RuleFor(ani => ani.Managed)
            .NotNull()
            .WithMessage("managed is required: true when the dialer manages this number, else false.");
    }
}
