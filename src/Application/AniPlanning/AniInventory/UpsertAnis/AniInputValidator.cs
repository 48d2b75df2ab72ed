using AniPlanner.Application.AniPlanning.Common;
using AniPlanner.Application.Common.Text;
using AniPlanner.Application.Common.Wire;
using AniPlanner.Domain.AniPlanning.AniInventory;
using FluentValidation;

namespace AniPlanner.Application.AniPlanning.AniInventory.UpsertAnis;

/// <summary>Checks one ANI; the handler reports failures per item instead of failing the request.</summary>
public sealed class AniInputValidator : AbstractValidator<AniInput>
{
    public AniInputValidator(IPhoneGeography geography)
    {
        RuleFor(ani => ani.Number)
            .Must(number => geography.TryLocate(number, out _, out _))
            .WithMessage(ani =>
            {
                geography.TryLocate(ani.Number, out _, out var problem);
                return $"number {problem}.";
            });
        RuleFor(ani => ani.Status)
            .Must(status => WireEnum<AniStatus>.TryParse(status, out _))
            .WithMessage(ani => $"status must be one of {WireEnum<AniStatus>.Quoted}; got '{EchoedInput.Shorten(ani.Status)}'.");
        RuleFor(ani => ani.Managed)
            .NotNull()
            .WithMessage("managed is required: true when the dialer manages this number, else false.");
    }
}
