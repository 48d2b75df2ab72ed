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
