using AniPlanner.Application;
using AniPlanner.Application.AniPlanning.Common;
using AniPlanner.Application.Identity.Common;
using AniPlanner.Application.Outplans.Common;
using AniPlanner.Domain.AniPlanning.Regions;
using AniPlanner.Domain.AniPlanning.Settings;
using AniPlanner.Domain.Identity;
using AniPlanner.Domain.Outplans;
using AutoMapper;
using Microsoft.Extensions.DependencyInjection;

namespace AniPlanner.UnitTests.Application;

public sealed class MappingTests
{
    private ServiceProvider _services = null!;
    private IMapper _mapper = null!;

    [OneTimeSetUp]
    public void BuildMapper()
    {
        _services = new ServiceCollection().AddLogging().AddApplication(autoMapperLicenseKey: null).BuildServiceProvider();
        _mapper = _services.GetRequiredService<IMapper>();
    }

    [OneTimeTearDown]
    public void Dispose() => _services.Dispose();

    [Test]
    public void Every_mapping_is_complete() => _mapper.ConfigurationProvider.AssertConfigurationIsValid();

    [Test]
    public void An_outplan_maps_to_the_wire_with_sentinels_for_unset_times()
    {
        var created = new DateTime(2022, 4, 28, 1, 50, 23, DateTimeKind.Utc).AddTicks(4_140_000);
        var outplan = Outplan.Create(Guid.NewGuid(), "test outplan", "", new DialInfo(Address.Empty, 30_000, 60_000, [5, 5, 5, 5, 5]), created);

        var dto = _mapper.Map<OutplanDto>(outplan);

        Assert.That((dto.TmCreate, dto.TmUpdate, dto.TmDelete),
            Is.EqualTo(("2022-04-28 01:50:23.414000", "9999-01-01 00:00:00.000000", "9999-01-01 00:00:00.000000")));
        Assert.That((dto.Source.Type, dto.MaxTryCount4), Is.EqualTo(("", 5)));

        outplan.Delete(created.AddDays(4));
        Assert.That(_mapper.Map<OutplanDto>(outplan).TmDelete, Is.EqualTo("2022-05-02 01:50:23.414000"));
    }

    [Test]
    public void An_access_key_never_maps_its_token()
    {
        var (key, _) = AccessKey.Issue(Guid.NewGuid(), "default", "", Permission.Admin, DateTime.UtcNow);

        Assert.That(_mapper.Map<AccessKeyDto>(key).Token, Is.Null);
    }

    [TestCase(null, null)]
    [TestCase(PlannerCountry.Us, "us")]
    [TestCase(PlannerCountry.Uk, "uk")]
    public void Planner_settings_map_their_country_as_the_wire_spells_it(PlannerCountry? country, string? wire)
    {
        var settings = PlannerSettings.For(Guid.NewGuid());
        settings.Replace(country, null, null, DateTime.UtcNow);

        Assert.That(_mapper.Map<PlannerSettingsDto>(settings).Country, Is.EqualTo(wire));
    }
}
