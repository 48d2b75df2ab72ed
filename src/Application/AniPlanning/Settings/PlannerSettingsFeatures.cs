using AniPlanner.Application.Common.Persistence;
using AniPlanner.Application.Common.Specifications;
using AniPlanner.Application.Common.Text;
using AniPlanner.Application.Common.Wire;
using AniPlanner.Domain.AniPlanning.Regions;
using AniPlanner.Domain.AniPlanning.Settings;
using AniPlanner.Domain.Common;
using FluentValidation;
using Mediator;

namespace AniPlanner.Application.AniPlanning.Settings;

/// <summary>The company's planner settings; <c>country</c> null means "detect it".</summary>
public sealed record PlannerSettingsDto(string? Country);

/// <summary>Sets (or, with null, clears) the country override of the company's plans.</summary>
public sealed record UpdatePlannerSettings(Guid CustomerId, string? Country) : ICommand<PlannerSettingsDto>;

public sealed record GetPlannerSettings(Guid CustomerId) : IQuery<PlannerSettingsDto>;

public sealed class UpdatePlannerSettingsValidator : AbstractValidator<UpdatePlannerSettings>
{
    public UpdatePlannerSettingsValidator() =>
        RuleFor(command => command.Country)
            .Must(country => country is null || WireEnum<PlannerCountry>.TryParse(country, out _))
            .WithMessage(command => $"country must be \"us\", \"ca\", \"uk\" or null (detect it); got '{EchoedInput.Shorten(command.Country)}'.");
}

public sealed class UpdatePlannerSettingsHandler(IRepository<PlannerSettings> settings, TimeProvider clock)
    : ICommandHandler<UpdatePlannerSettings, PlannerSettingsDto>
{
    public async ValueTask<PlannerSettingsDto> Handle(UpdatePlannerSettings command, CancellationToken cancellationToken)
    {
        var current = await settings.FirstOrDefaultAsync(new PlannerSettingsOfCustomerSpec(command.CustomerId), cancellationToken);
        if (current is null)
        {
            current = PlannerSettings.For(command.CustomerId);
            settings.Add(current);
        }

        current.SetCountry(WireEnum<PlannerCountry>.TryParse(command.Country, out var country) ? country : null, Timestamps.Now(clock));
        await settings.SaveChangesAsync(cancellationToken);
        return new PlannerSettingsDto(current.Country?.ToWire());
    }
}

public sealed class GetPlannerSettingsHandler(IRepository<PlannerSettings> settings) : IQueryHandler<GetPlannerSettings, PlannerSettingsDto>
{
    public async ValueTask<PlannerSettingsDto> Handle(GetPlannerSettings query, CancellationToken cancellationToken)
    {
        var current = await settings.FirstOrDefaultAsync(new PlannerSettingsOfCustomerSpec(query.CustomerId), cancellationToken);
        return new PlannerSettingsDto(current?.Country?.ToWire());
    }
}

public sealed class PlannerSettingsOfCustomerSpec : Specification<PlannerSettings>
{
    public PlannerSettingsOfCustomerSpec(Guid customerId) => Query.Where(settings => settings.CustomerId == customerId);
}
