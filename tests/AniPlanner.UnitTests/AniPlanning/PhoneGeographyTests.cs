using AniPlanner.Application.AniPlanning.Common;
using AniPlanner.Application.Common.Phones;
using AniPlanner.Domain.AniPlanning.Regions;
using PhoneNumbers;

namespace AniPlanner.UnitTests.AniPlanning;

public sealed class PhoneGeographyTests
{
    private readonly PhoneGeography _geography = TestGeography.Create();

    [TestCase("+12135550123", "nanp:213", "US")]
    [TestCase("+14165550123", "nanp:416", "CA")]
    [TestCase("+18005550123", "nanp:800", "US")]
    [TestCase("+19005550123", "nanp:900", "")]
    [TestCase("+12425550123", "nanp:242", "BS")]
    [TestCase("+19995550123", "", "")]
    [TestCase("+442079460000", "uk:20", "GB")]
    [TestCase("+441132496000", "uk:113", "GB")]
    [TestCase("+441382123456", "uk:1382", "GB")]
    [TestCase("+441387312345", "uk:13873", "GB")]
    [TestCase("+447700900123", "uk:7", "GB")]
    [TestCase("+447624123456", "uk:7", "GB")]
    [TestCase("+447012345678", "", "GB")]
    [TestCase("+448001234567", "uk:800", "GB")]
    [TestCase("+33123456789", "", "FR")]
    public void Numbers_land_in_their_area(string number, string areaKey, string country)
    {
        Assert.That(_geography.TryLocate(number, out var area, out var problem), Is.True, problem);
        Assert.That(area, Is.EqualTo(new NumberArea(areaKey, country)));
    }

    [TestCase("2135550123", "must be an E.164 number")]
    [TestCase("", "must be an E.164 number")]
    [TestCase("+1213", "is too short for its country")]
    [TestCase("+1 (213) 555-0123", "must be an E.164 number")]
    [TestCase("+12135550123 ext. 4", "must be an E.164 number")]
    [TestCase("+hello", "must be an E.164 number")]
    [TestCase("+99912345678", "does not start with a known country calling code")]
    public void Unusable_numbers_are_refused_with_the_reason(string number, string reason)
    {
        Assert.That(_geography.TryLocate(number, out _, out var problem), Is.False);
        Assert.That(problem, Does.Contain(reason));
    }

    [TestCase("90001", "nanp:213")]
    [TestCase("90001-1234", "nanp:213")]
    [TestCase("900011234", "nanp:213")]
    [TestCase("99999", "")]
    [TestCase("", "")]
    [TestCase(null, "")]
    public void Zips_land_in_the_area_of_their_lowest_code(string? zip, string areaKey) =>
        Assert.That(_geography.ZipAreaKey(zip), Is.EqualTo(areaKey));

    [Test]
    public void Rows_follow_the_plan_of_the_company_country()
    {
        var losAngeles = _geography.Area("nanp:213");
        var london = _geography.Area("uk:20");

        Assert.Multiple(() =>
        {
            Assert.That(PlanRows.RowOf(losAngeles, PlannerCountry.Us), Is.EqualTo(new PlanRow("Los Angeles", "CA", 3)));
            Assert.That(PlanRows.RowOf(losAngeles, PlannerCountry.Uk), Is.Null);
            Assert.That(PlanRows.RowOf(london, PlannerCountry.Uk), Is.EqualTo(new PlanRow("Greater London", "20", 2)));
            Assert.That(PlanRows.RowOf(london, PlannerCountry.Ca), Is.Null);
            Assert.That(PlanRows.RowOf(_geography.Area("nanp:800"), PlannerCountry.Ca), Is.EqualTo(new PlanRow("Toll-Free", "TF", 2)));
            Assert.That(PlanRows.RowOf(_geography.Area("uk:7"), PlannerCountry.Uk), Is.EqualTo(new PlanRow("Mobile", "7", 2)));
            Assert.That(PlanRows.RowOf(_geography.Area("uk:800"), PlannerCountry.Uk), Is.Null, "UK freephone is never a row");
            Assert.That(PlanRows.RowOf(_geography.Area("nanp:900"), PlannerCountry.Us), Is.Null, "non-geographic is never a row");
            Assert.That(PlanRows.RowOf(_geography.Area("nanp:242"), PlannerCountry.Us), Is.Null, "foreign NANP is never a row");
        });
    }

    /// <summary>
    /// TryLocate answers "+1" and ten digits starting 2-9 without libphonenumber; this holds the
    /// shortcut to what libphonenumber makes of every area code (and odd exchanges): a possible
    /// number of country code 1 whose national significant number is the ten digits.
    /// </summary>
    [Test]
    public void Plain_nanp_numbers_are_what_libphonenumber_makes_of_them()
    {
        var phones = PhoneNumberUtil.GetInstance();
        var mismatches = new List<string>();
        for (var areaCode = 200; areaCode <= 999; areaCode++)
        {
            foreach (var rest in (string[])["0000000", "1234567", "5550123", "9999999", "0119999", "1990000"])
            {
                var number = $"+1{areaCode}{rest}";
                var parsed = PhoneNumberRules.TryParseE164(number, out var phone, out var problem);
                Assert.That(_geography.TryLocate(number, out var area, out _), Is.True);
                var expectedKey = _geography.Area($"nanp:{areaCode}") is { } known ? known.Key : "";
                if (!parsed || phone.CountryCode != 1 || phones.GetNationalSignificantNumber(phone) != number[2..] || area.AreaKey != expectedKey)
                {
                    mismatches.Add($"{number}: {problem} {area}");
                }
            }
        }

        Assert.That(mismatches, Is.Empty);
    }
}
