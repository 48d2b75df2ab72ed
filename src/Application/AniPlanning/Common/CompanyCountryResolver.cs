using AniPlanner.Application.Common.Persistence;
using AniPlanner.Domain.AniPlanning.Regions;
using AniPlanner.Domain.AniPlanning.Settings;

namespace AniPlanner.Application.AniPlanning.Common;

/// <summary>
/// Whose numbering a plan follows: the company's override if set; else the country most of its
/// ANIs belong to; else the country of the numbers its dials came from; else us. The company's
/// time zone and number region default from it.
/// </summary>
public sealed class CompanyCountryResolver(IRepository<PlannerSettings> settings, IPlanningQueries queries, IPhoneGeography geography)
{
    public async Task<PlannerCountry> ResolveAsync(Guid customerId, CancellationToken cancellationToken) =>
        (await ResolveSettingsAsync(customerId, cancellationToken)).Effective.Country;

    /// <summary>The company's stored settings (new ones when it never saved any) and what they come to.</summary>
    public async Task<(PlannerSettings Stored, EffectivePlannerSettings Effective)> ResolveSettingsAsync(Guid customerId, CancellationToken cancellationToken)
    {
        var stored = await settings.FirstOrDefaultAsync(new PlannerSettingsOfCustomerSpec(customerId), cancellationToken) ?? PlannerSettings.For(customerId);
        return (stored, await ResolveAsync(stored, cancellationToken));
    }

    /// <summary>What <paramref name="stored"/> comes to (settings already in hand: the ones just saved).</summary>
    public async Task<EffectivePlannerSettings> ResolveAsync(PlannerSettings stored, CancellationToken cancellationToken) =>
        stored.Resolve(stored.Country ?? await DetectAsync(stored.CustomerId, cancellationToken));

    private async Task<PlannerCountry> DetectAsync(Guid customerId, CancellationToken cancellationToken)
    {
        var byAnis = (await queries.AnisByCountryAsync(customerId, cancellationToken))
            .Select(count => (Country: PlannerCountries.FromIso(count.Key), Weight: (long)count.Count));
        if (MostCommon(byAnis) is { } fromAnis)
        {
            return fromAnis;
        }

        // Only without ANIs: summing every dial's ANI area is the plan's costliest read.
        var byDials = (await queries.AllDialsByAniAreaAsync(customerId, cancellationToken))
            .Select(volume => (Country: PlannerCountries.FromIso(geography.Area(volume.AreaKey)?.NumberCountry ?? ""), Weight: volume.Dials));
        return MostCommon(byDials) ?? PlannerCountry.Us;
    }

    /// <summary>The planner country with the most weight (countries we do not plan for weigh nothing); ties go to us, then ca, then uk.</summary>
    public static PlannerCountry? MostCommon(IEnumerable<(PlannerCountry? Country, long Weight)> weights) =>
        weights.Where(weight => weight.Country is not null && weight.Weight > 0)
            .GroupBy(weight => weight.Country!.Value)
            .Select(group => (Country: group.Key, Weight: group.Sum(weight => weight.Weight)))
            .OrderByDescending(group => group.Weight)
            .ThenBy(group => group.Country)
            .Select(group => (PlannerCountry?)group.Country)
            .FirstOrDefault();
}
