using AniPlanner.Application.AniPlanning.Common;
using AniPlanner.Application.Common.Text;
using AniPlanner.Application.Common.Wire;
using AniPlanner.Domain.AniPlanning.AniInventory;
using AniPlanner.Domain.AniPlanning.Regions;
using FluentValidation;

namespace AniPlanner.Application.AniPlanning.AniInventory.UpsertAnis;

/// <summary>
/// Checks one ANI; the handler reports failures per item instead of failing the request. A number
/// without a country code is read in the company's number region, which the handler passes in the
/// context (<see cref="For"/>).
/// </summary>
public sealed class AniInputValidator : AbstractValidator<AniInput>
{
    private const string NumberRegionKey = "numberRegion";

    public AniInputValidator(IPhoneGeography geography)
    {
        RuleFor(ani => ani.Number)
            .Custom((number, context) =>
            {
                if (!geography.TryRead(number, NumberRegionOf(context), out _, out _, out var problem))
                {
                    context.AddFailure($"number {problem}.");
                }
            });
        RuleFor(ani => ani.Status)
            .Must(status => WireEnum<AniStatus>.TryParse(status, out _))
            .WithMessage(ani => $"status must be one of {WireEnum<AniStatus>.Quoted}; got '{EchoedInput.Shorten(ani.Status)}'.");
        RuleFor(ani => ani.Managed)
            .NotNull()
            .WithMessage("managed is required: true when the dialer manages this number, else false.");
    }

    /// <summary>What to validate <paramref name="ani"/> with: it, and the company's number region.</summary>
    public static ValidationContext<AniInput> For(AniInput ani, PlannerCountry numberRegion)
    {
        var context = new ValidationContext<AniInput>(ani);
        context.RootContextData[NumberRegionKey] = numberRegion;
        return context;
    }

    private static PlannerCountry NumberRegionOf(ValidationContext<AniInput> context) =>
        context.RootContextData.TryGetValue(NumberRegionKey, out var region) && region is PlannerCountry country ? country : PlannerCountry.Us;
}
