using AniPlanner.Application.Common.Text;
using AniPlanner.Application.Common.Wire;
using AniPlanner.Domain.AniPlanning.Regions;
using FluentValidation;

namespace AniPlanner.Application.AniPlanning.Settings.UpdatePlannerSettings;

public sealed class UpdatePlannerSettingsValidator : AbstractValidator<UpdatePlannerSettings>
{
    public UpdatePlannerSettingsValidator() =>
        RuleFor(command => command.Country)
            .Must(country => country is null || WireEnum<PlannerCountry>.TryParse(country, out _))
            .WithMessage(command => $"country must be \"us\", \"ca\", \"uk\" or null (detect it); got '{EchoedInput.Shorten(command.Country)}'.");
}
