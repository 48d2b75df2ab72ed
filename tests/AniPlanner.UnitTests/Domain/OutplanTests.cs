using AniPlanner.Domain.Common;
using AniPlanner.Domain.Outplans;

namespace AniPlanner.UnitTests.Domain;

public sealed class OutplanTests
{
    private static readonly DateTime Created = new(2026, 4, 28, 1, 50, 23, DateTimeKind.Utc);
    private static readonly Guid CustomerId = Guid.NewGuid();

    private static DialInfo SalesDialing(long dialTimeout = 30_000) =>
        new(new Address("tel", "+15559876543", "", "", ""), dialTimeout, 7_200_000, [3, 2, 1, 0, 0]);

    [Test]
    public void Create_sets_every_field_and_leaves_update_and_delete_unset()
    {
        var outplan = Outplan.Create(CustomerId, "Sales", "Standard", SalesDialing(), Created);

        Assert.Multiple(() =>
        {
            Assert.That(outplan.Id, Is.Not.EqualTo(Guid.Empty));
            Assert.That(outplan.CustomerId, Is.EqualTo(CustomerId));
            Assert.That(outplan.Source.Target, Is.EqualTo("+15559876543"));
            Assert.That(outplan.DialTimeout, Is.EqualTo(30_000));
            Assert.That(outplan.TryInterval, Is.EqualTo(7_200_000));
            Assert.That(new[] { outplan.MaxTryCount0, outplan.MaxTryCount1, outplan.MaxTryCount2, outplan.MaxTryCount3, outplan.MaxTryCount4 },
                Is.EqualTo(new[] { 3, 2, 1, 0, 0 }));
            Assert.That(outplan.TmCreate, Is.EqualTo(Created));
            Assert.That(outplan.TmUpdate, Is.Null);
            Assert.That(outplan.TmDelete, Is.Null);
        });
    }

    [Test]
    public void Updates_set_tm_update_and_keep_what_they_do_not_touch()
    {
        var outplan = Outplan.Create(CustomerId, "Sales", "Standard", SalesDialing(), Created);
        var later = Created.AddDays(2);

        outplan.UpdateBasicInfo("Renamed", "", later);
        Assert.That((outplan.Name, outplan.Detail, outplan.TmUpdate, outplan.DialTimeout), Is.EqualTo(("Renamed", "", (DateTime?)later, 30_000L)));

        outplan.UpdateDialInfo(SalesDialing(dialTimeout: 45_000), later.AddHours(1));
        Assert.That((outplan.Name, outplan.DialTimeout, outplan.TmUpdate), Is.EqualTo(("Renamed", 45_000L, (DateTime?)later.AddHours(1))));
    }

    [Test]
    public void A_delete_sets_tm_update_with_tm_delete_and_a_second_delete_keeps_both()
    {
        var outplan = Outplan.Create(CustomerId, "Sales", "", SalesDialing(), Created);

        outplan.Delete(Created.AddDays(1));
        outplan.Delete(Created.AddDays(5));

        Assert.That((outplan.TmDelete, outplan.TmUpdate), Is.EqualTo(((DateTime?)Created.AddDays(1), (DateTime?)Created.AddDays(1))));
        Assert.That(outplan.IsDeleted, Is.True);
    }

    [Test]
    public void Every_change_advances_the_version_and_a_repeated_delete_does_not()
    {
        var outplan = Outplan.Create(CustomerId, "Sales", "", SalesDialing(), Created);
        var versions = new List<int> { outplan.Version };

        outplan.UpdateBasicInfo("Renamed", "", Created.AddDays(1));
        versions.Add(outplan.Version);
        outplan.UpdateDialInfo(SalesDialing(dialTimeout: 45_000), Created.AddDays(2));
        versions.Add(outplan.Version);
        outplan.Delete(Created.AddDays(3));
        versions.Add(outplan.Version);
        outplan.Delete(Created.AddDays(4));
        versions.Add(outplan.Version);

        Assert.That(versions, Is.EqualTo(new[] { 0, 1, 2, 3, 3 }));
    }

    [Test]
    public void A_deleted_outplan_refuses_updates()
    {
        var outplan = Outplan.Create(CustomerId, "Sales", "", SalesDialing(), Created);
        outplan.Delete(Created.AddDays(1));

        Assert.Throws<DomainException>(() => outplan.UpdateBasicInfo("x", "", Created.AddDays(2)));
        Assert.Throws<DomainException>(() => outplan.UpdateDialInfo(SalesDialing(), Created.AddDays(2)));
    }

    [TestCase(999, 60_000)]
    [TestCase(600_001, 60_000)]
    [TestCase(30_000, 999)]
    [TestCase(30_000, 2_592_000_001)]
    public void Dial_info_refuses_timings_out_of_range(long dialTimeout, long tryInterval) =>
        Assert.Throws<DomainException>(() => _ = new DialInfo(Address.Empty, dialTimeout, tryInterval, [0, 0, 0, 0, 0]));

    [Test]
    public void Dial_info_needs_five_try_counts_within_0_to_100()
    {
        Assert.Throws<DomainException>(() => _ = new DialInfo(Address.Empty, 30_000, 60_000, [1, 2, 3]));
        Assert.Throws<DomainException>(() => _ = new DialInfo(Address.Empty, 30_000, 60_000, [0, 0, 101, 0, 0]));
        Assert.That(new DialInfo(Address.Empty, 1_000, 2_592_000_000, [100, 0, 0, 0, 0]).MaxTryCounts[0], Is.EqualTo(100));
    }
}
