using AniPlanner.Application.AniPlanning.Common;
using AniPlanner.Application.AniPlanning.ImportDials;
using AniPlanner.Application.Common.Persistence;
using AniPlanner.Domain.AniPlanning.AniInventory;
using AniPlanner.Domain.AniPlanning.Campaigns;
using AniPlanner.Domain.Common;
using Mediator;

namespace AniPlanner.Application.AniPlanning.SeedDemoPlannerData;

/// <summary>
/// Gives the demo company something to plan from: campaigns, a managed ANI inventory, and dials
/// from the 1st of the previous month through yesterday, so the first generate shows a real plan.
/// Runs once: a company that already has campaigns is left alone. Deterministic (fixed seed).
/// </summary>
public sealed record SeedDemoPlannerData(Guid CustomerId) : ICommand<long>;

public sealed class SeedDemoPlannerDataHandler(
    IRepository<Campaign> campaigns, IRepository<Ani> anis, IDialStore dials, IPhoneGeography geography, TimeProvider clock)
    : ICommandHandler<SeedDemoPlannerData, long>
{
    /// <summary>Prospect area codes with their share of volume, and a ZIP in each area.</summary>
    private static readonly (string AreaCode, int Weight, string Zip)[] Markets =
    [
        ("213", 14, "90012"), ("310", 10, "90401"), ("323", 6, "90022"), ("415", 6, "94103"),
        ("212", 12, "10001"), ("718", 8, "11201"), ("917", 5, "10036"), ("312", 9, "60601"),
        ("773", 4, "60614"), ("214", 6, "75201"), ("972", 4, "75240"), ("305", 5, "33130"),
        ("404", 4, "30303"), ("206", 3, "98101"), ("602", 3, "85004"), ("617", 3, "02108"),
    ];

    /// <summary>(number, status, managed): mostly managed and active, a few not, one removed.</summary>
    private static readonly (string Number, AniStatus Status, bool Managed)[] Inventory =
    [
        ("+12135550101", AniStatus.Active, true), ("+12135550102", AniStatus.Active, true), ("+13105550103", AniStatus.Active, true),
        ("+12125550104", AniStatus.Active, true), ("+17185550105", AniStatus.Active, true), ("+13125550106", AniStatus.Active, true),
        ("+12145550107", AniStatus.Active, true), ("+13055550108", AniStatus.Active, true), ("+14155550109", AniStatus.Active, false),
        ("+14045550110", AniStatus.Inactive, true), ("+16175550111", AniStatus.Removed, true), ("+18885550112", AniStatus.Active, true),
    ];

    public async ValueTask<long> Handle(SeedDemoPlannerData command, CancellationToken cancellationToken)
    {
        if (await campaigns.AnyAsync(new CampaignsOfCustomerSpec(command.CustomerId), cancellationToken))
        {
            return 0;
        }

        // The company has no campaign yet, so these are its numbers 1 to 5.
        var now = Timestamps.Now(clock);
        var westIn = Campaign.Create(command.CustomerId, 1, "west-coast-inbound", "West Coast Inbound", CampaignType.Inbound, now);
        var eastIn = Campaign.Create(command.CustomerId, 2, "east-coast-inbound", "East Coast Inbound", CampaignType.Inbound, now);
        campaigns.Add(westIn);
        campaigns.Add(eastIn);
        await campaigns.SaveChangesAsync(cancellationToken);

        var west = Campaign.Create(command.CustomerId, 3, "west-coast-outbound", "West Coast Outbound", CampaignType.Outbound, now);
        var east = Campaign.Create(command.CustomerId, 4, "east-coast-outbound", "East Coast Outbound", CampaignType.Outbound, now);
        var renewals = Campaign.Create(command.CustomerId, 5, "renewals-autodial", "Renewals Autodial", CampaignType.Autodial, now);
        west.MapInbound([westIn]);
        east.MapInbound([eastIn]);
        foreach (var campaign in (Campaign[])[west, east, renewals])
        {
            campaigns.Add(campaign);
        }

        foreach (var (number, status, managed) in Inventory)
        {
            geography.TryLocate(number, out var area, out _);
            anis.Add(Ani.Record(command.CustomerId, number, status, managed, area.AreaKey, area.Country, now));
        }

        await campaigns.SaveChangesAsync(cancellationToken);
        return await SeedDialsAsync(command.CustomerId, [west.Id, east.Id, renewals.Id], DateOnly.FromDateTime(now), cancellationToken);
    }

    private async Task<long> SeedDialsAsync(Guid customerId, long[] campaignIds, DateOnly today, CancellationToken cancellationToken)
    {
        var random = new Random(20261123);
        var totalWeight = Markets.Sum(market => market.Weight);
        var dialingAnis = Inventory.Where(ani => ani.Status != AniStatus.Removed).Select(ani => ani.Number).ToArray();
        var first = new DateOnly(today.Year, today.Month, 1).AddMonths(-1);
        long sequence = 0;

        await using var import = await dials.BeginImportAsync(customerId, cancellationToken);
        for (var day = first; day < today; day = day.AddDays(1))
        {
            var weekend = day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
            var count = weekend ? random.Next(100, 250) : random.Next(1_800, 2_600);
            for (var call = 0; call < count; call++)
            {
                var pick = random.Next(totalWeight);
                var market = Markets.SkipWhile(candidate => (pick -= candidate.Weight) >= 0).First();
                var prospect = $"+1{market.AreaCode}{random.Next(200, 1000)}{random.Next(0, 10_000):D4}";
                var ani = dialingAnis[random.Next(dialingAnis.Length)];
                var zip = random.Next(10) < 7 ? market.Zip : "";
                var dialedAt = new DateTimeOffset(day.ToDateTime(new TimeOnly(9, 0)), TimeSpan.FromHours(-5)).AddMinutes(random.Next(0, 9 * 60));
                geography.TryLocate(prospect, out var prospectArea, out _);
                geography.TryLocate(ani, out var aniArea, out _);
                await import.StageAsync(
                    new StagedDial(
                        $"demo-{++sequence:D8}",
                        campaignIds[random.Next(campaignIds.Length)],
                        dialedAt.UtcDateTime,
                        day,
                        prospect,
                        ani,
                        zip,
                        random.Next(100) < 27,
                        prospectArea.AreaKey,
                        aniArea.AreaKey,
                        geography.ZipAreaKey(zip)),
                    cancellationToken);
            }
        }

        return (await import.CommitAsync(cancellationToken)).Accepted;
    }
}
