using AniPlanner.Application.AniPlanning.Common;
using AniPlanner.Domain.AniPlanning.Regions;

namespace AniPlanner.UnitTests.AniPlanning;

/// <summary>A small, hand-made slice of the reference data, so each expectation is checkable.</summary>
internal static class TestGeography
{
    public static PhoneGeography Create() => new(
        [
            new RegionArea(RegionArea.Nanp, "212", "US", "New York", "NY", AreaKind.Geographic),
            new RegionArea(RegionArea.Nanp, "213", "US", "Los Angeles", "CA", AreaKind.Geographic),
            new RegionArea(RegionArea.Nanp, "217", "US", "Springfield", "IL", AreaKind.Geographic),
            new RegionArea(RegionArea.Nanp, "310", "US", "Los Angeles", "CA", AreaKind.Geographic),
            new RegionArea(RegionArea.Nanp, "312", "US", "Chicago", "IL", AreaKind.Geographic),
            new RegionArea(RegionArea.Nanp, "417", "US", "Springfield", "MO", AreaKind.Geographic),
            new RegionArea(RegionArea.Nanp, "416", "CA", "Toronto", "ON", AreaKind.Geographic),
            new RegionArea(RegionArea.Nanp, "800", "", "Toll-Free", "TF", AreaKind.TollFree),
            new RegionArea(RegionArea.Nanp, "900", "", "Premium Services", "", AreaKind.NonGeographic),
            new RegionArea(RegionArea.Nanp, "242", "BS", "Bahamas", "", AreaKind.Foreign),
            new RegionArea(RegionArea.Uk, "20", "GB", "Greater London", "20", AreaKind.Geographic),
            new RegionArea(RegionArea.Uk, "113", "GB", "West Yorkshire", "113", AreaKind.Geographic),
            new RegionArea(RegionArea.Uk, "1382", "GB", "Dundee City, Angus", "1382", AreaKind.Geographic),
            new RegionArea(RegionArea.Uk, "13873", "GB", "Dumfries and Galloway", "13873", AreaKind.Geographic),
            new RegionArea(RegionArea.Uk, "7", "GB", "Mobile", "7", AreaKind.Mobile),
            new RegionArea(RegionArea.Uk, "800", "GB", "Freephone", "", AreaKind.Freephone),
        ],
        [
            new UkNumberRange("70", "personal", "GB"),
            new UkNumberRange("77", "mobile", "GB"),
            new UkNumberRange("7624", "mobile", "IM"),
            new UkNumberRange("800", "freephone", "GB"),
            new UkNumberRange("800", "freephone", "GG"),
        ],
        [new ZipAreaCode("90001", "213")]);
}
