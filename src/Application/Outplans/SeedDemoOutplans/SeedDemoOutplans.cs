using AniPlanner.Application.Common.Persistence;
using AniPlanner.Application.Common.Specifications;
using AniPlanner.Domain.Common;
using AniPlanner.Domain.Outplans;
using Mediator;

namespace AniPlanner.Application.Outplans.SeedDemoOutplans;

/// <summary>
/// Gives the demo company the three strategies of the outplan contract (seed 001: emergency,
/// sales, reminder), the sales one with a weekday 09:00-18:00 calling window, so the schedule
/// preview has something to show. Runs once: a company with any outplan is left alone.
/// </summary>
public sealed record SeedDemoOutplans(Guid CustomerId) : ICommand<int>;

public sealed class SeedDemoOutplansHandler(IRepository<Outplan> outplans, TimeProvider clock) : ICommandHandler<SeedDemoOutplans, int>
{
    private static readonly CallingWindow Weekdays = new(
        CallingDays.Monday | CallingDays.Tuesday | CallingDays.Wednesday | CallingDays.Thursday | CallingDays.Friday,
        9 * 60, 18 * 60, CallingWindow.CalleeTimeZone, quietHours: true);

    private static readonly (string Name, string Detail, long DialTimeout, long TryInterval, int[] Tries, CallingWindow Window)[] Strategies =
    [
        ("Emergency Alert", "Aggressive: long rings, a retry every 10 minutes, two numbers.", 45_000, 600_000, [5, 5, 0, 0, 0], CallingWindow.Always),
        ("Sales Standard", "Standard sales: retries 2 hours apart on weekdays, 09:00-18:00 callee time.", 30_000, 7_200_000, [3, 2, 0, 0, 0], Weekdays),
        ("Appointment Reminder", "Conservative: two tries an hour apart, the primary number only.", 25_000, 3_600_000, [2, 0, 0, 0, 0], CallingWindow.Always),
    ];

    public async ValueTask<int> Handle(SeedDemoOutplans command, CancellationToken cancellationToken)
    {
        if (await outplans.AnyAsync(new AnyOutplanOfSpec(command.CustomerId), cancellationToken))
        {
            return 0;
        }

        var now = Timestamps.Now(clock);
        foreach (var (name, detail, dialTimeout, tryInterval, tries, window) in Strategies)
        {
            outplans.Add(Outplan.Create(command.CustomerId, name, detail, new DialInfo(Address.Empty, dialTimeout, tryInterval, tries), now, window));
        }

        await outplans.SaveChangesAsync(cancellationToken);
        return Strategies.Length;
    }

    private sealed class AnyOutplanOfSpec : Specification<Outplan>
    {
        public AnyOutplanOfSpec(Guid customerId) => Query.Where(outplan => outplan.CustomerId == customerId);
    }
}
