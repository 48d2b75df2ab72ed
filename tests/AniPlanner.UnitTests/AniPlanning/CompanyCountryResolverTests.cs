using AniPlanner.Application.AniPlanning.Common;
using AniPlanner.Domain.AniPlanning.Regions;

namespace AniPlanner.UnitTests.AniPlanning;

public sealed class CompanyCountryResolverTests
{
    [Test]
    public void The_country_with_the_most_weight_wins_summed_over_its_entries()
    {
        // us 3, ca 2 + 2 = 4, uk 1: ca.
        var weights = new (PlannerCountry?, long)[] { (PlannerCountry.Us, 3), (PlannerCountry.Ca, 2), (PlannerCountry.Uk, 1), (PlannerCountry.Ca, 2) };

        Assert.That(CompanyCountryResolver.MostCommon(weights), Is.EqualTo(PlannerCountry.Ca));
    }

    [Test]
    public void Ties_go_to_us_then_ca_then_uk()
    {
        Assert.Multiple(() =>
        {
            Assert.That(CompanyCountryResolver.MostCommon([(PlannerCountry.Uk, 2), (PlannerCountry.Ca, 2), (PlannerCountry.Us, 2)]), Is.EqualTo(PlannerCountry.Us));
            Assert.That(CompanyCountryResolver.MostCommon([(PlannerCountry.Uk, 2), (PlannerCountry.Ca, 2)]), Is.EqualTo(PlannerCountry.Ca));
        });
    }

    [Test]
    public void Countries_we_do_not_plan_for_and_empty_counts_decide_nothing()
    {
        Assert.Multiple(() =>
        {
            // France (no planner country) outweighs the UK, but only the UK counts.
            Assert.That(CompanyCountryResolver.MostCommon([(null, 10), (PlannerCountry.Uk, 1)]), Is.EqualTo(PlannerCountry.Uk));
            Assert.That(CompanyCountryResolver.MostCommon([(null, 10), (PlannerCountry.Us, 0)]), Is.Null);
            Assert.That(CompanyCountryResolver.MostCommon([]), Is.Null);
        });
    }
}
