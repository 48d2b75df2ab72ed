using AniPlanner.Application.AniPlanning.Common;
using FluentValidation;

namespace AniPlanner.Application.AniPlanning.Settings.UpdatePlannerSettings;

public sealed class UpdatePlannerSettingsValidator : AbstractValidator<UpdatePlannerSettings>
{
    public UpdatePlannerSettingsValidator() => this.AddCountryRule(command => command.Country, nullDetects: true);
}
