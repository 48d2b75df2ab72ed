using System.Diagnostics.CodeAnalysis;
using AniPlanner.Application.Common.Text;
using AniPlanner.Application.Common.Wire;
using AniPlanner.Domain.AniPlanning.Campaigns;
using AniPlanner.Domain.AniPlanning.Dispositions;
using AniPlanner.Domain.AniPlanning.Regions;
using FluentValidation;

namespace AniPlanner.Application.AniPlanning.Common;

/// <summary>Validation rules of the planner's own values, shared by its validators.</summary>
internal static class AniPlanningRules
{
    /// <summary>A campaign as the dialer names it; the campaign itself and the inbound ones it maps are checked alike.</summary>
    public static bool IsCampaignIdentifier(string? identifier) => IsIdentifier(identifier, Campaign.MaxIdentifierLength);

    /// <summary>A disposition's id as the dialer gives it (a number is fine): it is a path segment.</summary>
    public static bool IsDispositionIdentifier(string? identifier) => IsIdentifier(identifier, Disposition.MaxIdentifierLength);

    /// <summary>1 to <paramref name="maxLength"/> letters, digits, '.', '_' or '-': safe in a path segment.</summary>
    private static bool IsIdentifier([NotNullWhen(true)] string? identifier, int maxLength) =>
        !string.IsNullOrEmpty(identifier)
        && identifier.Length <= maxLength
        && identifier.All(character => char.IsAsciiLetterOrDigit(character) || character is '.' or '_' or '-');

    /// <summary>The disposition id of a path, checked as every disposition endpoint checks it.</summary>
    public static void AddDispositionIdentifierRule<T>(this AbstractValidator<T> validator, Func<T, string?> identifier) =>
        validator.RuleFor(message => identifier(message))
            .Must(IsDispositionIdentifier)
            .OverridePropertyName("id")
            .WithMessage(message =>
                $"The disposition id '{EchoedInput.Shorten(identifier(message))}' must be 1 to {Disposition.MaxIdentifierLength} letters, digits, '.', '_' or '-'.");

    /// <summary>A country the planner plans for; where <paramref name="nullDetects"/>, null too, which means "detect it".</summary>
    public static void AddCountryRule<T>(this AbstractValidator<T> validator, Func<T, string?> country, bool nullDetects = false)
    {
        var allowed = nullDetects ? "\"us\", \"ca\", \"uk\" or null (detect it)" : "\"us\", \"ca\" or \"uk\"";
        validator.RuleFor(message => country(message))
            .Must(value => (nullDetects && value is null) || WireEnum<PlannerCountry>.TryParse(value, out _))
            .OverridePropertyName("country")
            .WithMessage(message => $"country must be {allowed}; got '{EchoedInput.Shorten(country(message))}'.");
    }
}
