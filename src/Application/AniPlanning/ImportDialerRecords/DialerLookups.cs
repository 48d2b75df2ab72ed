using AniPlanner.Application.AniPlanning.Campaigns.UpsertCampaign;
using AniPlanner.Application.AniPlanning.Common;
using AniPlanner.Application.AniPlanning.ImportDials;
using AniPlanner.Application.Common.Exceptions;
using AniPlanner.Application.Common.Persistence;
using AniPlanner.Application.Common.Text;
using AniPlanner.Domain.AniPlanning.Campaigns;
using AniPlanner.Domain.AniPlanning.Dispositions;
using AniPlanner.Domain.Common;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace AniPlanner.Application.AniPlanning.ImportDialerRecords;

/// <summary>
/// The campaigns and dispositions a dialer's records name, and those it names first: a new
/// campaign is created (outbound, named by the record), a new disposition name recorded (not a
/// contact until someone says so). Each is committed at once in a scope of its own, as if the
/// dialer had declared it, so a dial staged by the running import can refer to it.
/// </summary>
internal sealed class DialerLookups(IServiceScopeFactory scopes, Guid customerId, TimeProvider clock)
{
    public Dictionary<string, Campaign> Campaigns { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, DispositionFlag> Dispositions { get; } = new(StringComparer.Ordinal);

    /// <summary>Read in a scope of its own: the import's connection is busy streaming rows (PostgreSQL's COPY).</summary>
    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var campaigns = scope.ServiceProvider.GetRequiredService<IRepository<Campaign>>();
        var dispositions = scope.ServiceProvider.GetRequiredService<IRepository<Disposition>>();
        foreach (var campaign in await campaigns.ListAsync(new CampaignsOfCustomerSpec(customerId), cancellationToken))
        {
            Campaigns[campaign.InternalIdentifier] = campaign;
        }

        foreach (var disposition in await dispositions.ListAsync(new DispositionsOfCustomerSpec(customerId), cancellationToken))
        {
            Dispositions[disposition.NameKey] = new DispositionFlag(disposition.Id, disposition.Contact);
        }
    }

    /// <summary>
    /// Creates the campaign unless someone created it since the import read its campaigns (an admin's
    /// PUT while a long upload streams): one that exists keeps its name, type and mappings.
    /// </summary>
    public async Task CreateCampaignAsync(string identifier, string name, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var campaigns = scope.ServiceProvider.GetRequiredService<IRepository<Campaign>>();
        var existing = await campaigns.FirstOrDefaultAsync(new CampaignByIdentifierSpec(customerId, identifier), cancellationToken);
        if (existing is null)
        {
            await scope.ServiceProvider.GetRequiredService<IMediator>()
                .Send(new UpsertCampaign(customerId, identifier, name, "outbound", null), cancellationToken);
            existing = await campaigns.FirstOrDefaultAsync(new CampaignByIdentifierSpec(customerId, identifier), cancellationToken);
        }

        Campaigns[identifier] = existing!;
    }

    public async Task RecordDispositionAsync(string name, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var dispositions = scope.ServiceProvider.GetRequiredService<IRepository<Disposition>>();
        var recorded = Disposition.RecordFromDial(customerId, name, Timestamps.Now(clock));
        dispositions.Add(recorded);
        try
        {
            await dispositions.SaveChangesAsync(cancellationToken);
        }
        catch (WriteConflictException)
        {
            // Another request recorded or declared the name first: that one it is.
            dispositions.DiscardChanges();
            recorded = await dispositions.FirstOrDefaultAsync(new DispositionByNameSpec(customerId, name), cancellationToken)
                ?? throw new DatabaseBusyException($"Another request changed the dispositions while '{EchoedInput.Shorten(name.Trim())}' was recorded; nothing of this request was stored. Send it again.");
        }

        Dispositions[recorded.NameKey] = new DispositionFlag(recorded.Id, recorded.Contact);
    }
}
