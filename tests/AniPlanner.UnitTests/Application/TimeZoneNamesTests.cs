using AniPlanner.Application.Common.Time;
using PhoneNumbers;

namespace AniPlanner.UnitTests.Application;

/// <summary>Zone names from callers and from libphonenumber, as this server's IANA database knows them.</summary>
public sealed class TimeZoneNamesTests
{
    [TestCase("America/New_York", "America/New_York")]
    [TestCase("America/Argentina/Buenos_Aires", "America/Argentina/Buenos_Aires")]
    [TestCase("UTC", "UTC")]
    [TestCase("Etc/GMT+5", "Etc/GMT+5")]
    [TestCase("Asia/Calcutta", "Asia/Kolkata")]
    [TestCase("Pacific/Truk", "Pacific/Chuuk")]
    public void A_zone_is_found_under_its_current_name(string name, string found) =>
        Assert.That(TimeZoneNames.Find(name)?.Id, Is.EqualTo(found));

    [TestCase("Eastern Standard Time", TestName = "A Windows name is no IANA zone")]
    [TestCase("localtime", TestName = "The host's own clock is no zone")]
    [TestCase("posixrules", TestName = "posixrules is no zone")]
    [TestCase("Factory", TestName = "Factory is no zone")]
    [TestCase("posix/America/New_York", TestName = "The posix copies are not zones of their own")]
    [TestCase("right/UTC", TestName = "The leap-second copies are not zones of their own")]
    [TestCase("../../etc/passwd", TestName = "A path is no zone")]
    [TestCase("america/new_york", TestName = "Zone names are written as the database writes them")]
    [TestCase("Mars/Olympus_Mons", TestName = "An unknown zone is not found")]
    [TestCase("", TestName = "Nothing is no zone")]
    public void Names_that_are_no_zone_are_not_found(string name) => Assert.That(TimeZoneNames.Find(name), Is.Null);

    [Test]
    public void Every_renamed_zone_is_found_here_under_its_new_name()
    {
        foreach (var (old, current) in TimeZoneNames.RenamedZones)
        {
            Assert.That(TimeZoneNames.Find(old)?.Id, Is.EqualTo(current), old);
        }
    }

    [Test]
    public void Every_zone_libphonenumber_gives_the_example_numbers_of_every_region_is_found()
    {
        var phones = PhoneNumberUtil.GetInstance();
        var mapper = PhoneNumberToTimeZonesMapper.GetInstance();
        var zones = phones.GetSupportedRegions()
            .SelectMany(region => Enum.GetValues<PhoneNumberType>().Select(type => phones.GetExampleNumberForType(region, type)))
            .OfType<PhoneNumber>()
            .SelectMany(mapper.GetTimeZonesForNumber)
            .Where(zone => zone != mapper.GetUnknownTimeZone())
            .ToHashSet();

        Assert.That(zones, Has.Count.GreaterThan(200), "the examples reach most of the map");
        Assert.That(zones.Where(zone => TimeZoneNames.Find(zone) is null), Is.Empty);
    }
}
