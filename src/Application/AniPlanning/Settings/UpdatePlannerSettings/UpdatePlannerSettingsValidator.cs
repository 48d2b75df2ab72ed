using AniPlanner.Application.AniPlanning.Common;
using AniPlanner.Application.Common.Text;
using AniPlanner.Application.Common.Time;
using AniPlanner.Application.Common.Wire;
using AniPlanner.Domain.AniPlanning.Regions;
using FluentValidation;

namespace AniPlanner.Application.AniPlanning.Settings.UpdatePlannerSettings;

public sealed class UpdatePlannerSettingsValidator : AbstractValidator<UpdatePlannerSettings>
{
    public UpdatePlannerSettingsValidator()
    {
        this.AddCountryRule(command => command.Country, nullDetects: true);
        RuleFor(command => command.TimeZone)
            .Must(zone => zone is null || TimeZoneNames.Find(zone) is not null)
            .WithMessage(command =>
                $"timeZone must be an IANA time zone such as \"America/Chicago\" or \"Europe/London\", or null (the country's: {DefaultZones()}); got '{EchoedInput.Shorten(command.TimeZone)}'.");
        RuleFor(command => command.NumberRegion)
            .Must(region => region is null || WireEnum<PlannerCountry>.TryParse(region, out _))
            .WithMessage(command =>
                $"numberRegion must be \"us\", \"ca\", \"uk\" or null (the planner country): the country a number written without a country code belongs to; got '{EchoedInput.Shorten(command.NumberRegion)}'.");
    }

    private static string DefaultZones() =>
        string.Join(", ", Enum.GetValues<PlannerCountry>().Select(country => $"{country.ToWire()} {country.DefaultTimeZone()}"));
}
