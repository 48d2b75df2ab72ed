using AniPlanner.Application.AniPlanning.Regions.ListRegions;
using AniPlanner.Application.AniPlanning.Settings.UpdatePlannerSettings;

namespace AniPlanner.UnitTests.AniPlanning;

/// <summary>Regions and settings share one country rule; each still answers in its own words.</summary>
public sealed class CountryRuleTests
{
    [TestCase("us")]
    [TestCase("ca")]
    [TestCase("uk")]
    public void Both_take_a_planner_country(string country) =>
        Assert.Multiple(() =>
        {
            Assert.That(new ListRegionsValidator().Validate(new ListRegions(country)).IsValid, Is.True);
            Assert.That(new UpdatePlannerSettingsValidator().Validate(new UpdatePlannerSettings(Guid.NewGuid(), country)).IsValid, Is.True);
        });

    [TestCase("fr")]
    [TestCase("US")]
    [TestCase("")]
    public void Regions_name_the_three_countries(string country) =>
        Assert.That(
            new ListRegionsValidator().Validate(new ListRegions(country)).Errors.Select(error => error.ErrorMessage),
            Is.EqualTo(new[] { $"country must be \"us\", \"ca\" or \"uk\"; got '{country}'." }));

    [TestCase("fr")]
    [TestCase("US")]
    [TestCase("")]
    public void Settings_also_offer_null_to_detect_it(string country) =>
        Assert.That(
            new UpdatePlannerSettingsValidator().Validate(new UpdatePlannerSettings(Guid.NewGuid(), country)).Errors.Select(error => error.ErrorMessage),
            Is.EqualTo(new[] { $"country must be \"us\", \"ca\", \"uk\" or null (detect it); got '{country}'." }));

    [Test]
    public void Null_detects_the_country_in_settings_only() =>
        Assert.Multiple(() =>
        {
            Assert.That(new UpdatePlannerSettingsValidator().Validate(new UpdatePlannerSettings(Guid.NewGuid(), null)).IsValid, Is.True);
            Assert.That(new ListRegionsValidator().Validate(new ListRegions(null)).IsValid, Is.False);
        });
}
