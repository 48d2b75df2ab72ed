using AniPlanner.Application.AniPlanning.Common;
using AniPlanner.Application.Common.Persistence;
using AniPlanner.Application.Common.Telemetry;
using AniPlanner.Domain.AniPlanning.Campaigns;
using AniPlanner.Domain.AniPlanning.Settings;
using Mediator;
using Microsoft.Extensions.Options;

namespace AniPlanner.Application.AniPlanning.ImportDials;

/// <summary>
/// Imports dial records as they stream in. Valid rows of one request are committed together or
/// not at all; rows whose call id is already known count as duplicates and are not counted again.
/// </summary>
public sealed record ImportDials(Guid CustomerId, IAsyncEnumerable<DialInput> Rows) : ICommand<DialImportResult>;

public sealed class ImportDialsHandler(
    IDialStore store,
    IRepository<Campaign> campaigns,
    IRepository<PlannerSettings> settings,
    IPlanningQueries queries,
    IPhoneGeography geography,
    IPlannerDataVersions versions,
    TimeProvider clock,
    IOptions<DialImportOptions> limits)
    : ICommandHandler<ImportDials, DialImportResult>
{
    public async ValueTask<DialImportResult> Handle(ImportDials command, CancellationToken cancellationToken)
    {
        var known = (await campaigns.ListAsync(new CampaignsOfCustomerSpec(command.CustomerId), cancellationToken))
            .ToDictionary(campaign => campaign.InternalIdentifier, StringComparer.Ordinal);
        var (_, company) = await new CompanyCountryResolver(settings, queries, geography).ResolveSettingsAsync(command.CustomerId, cancellationToken);
        var rules = new DialRowRules(geography, known, company, clock.GetUtcNow());
        var rejected = new RejectionList(limits.Value);
        long index = 0;

        using var activity = AniPlannerTelemetry.Activities.StartActivity("ImportDials");
        await using var import = await store.BeginImportAsync(command.CustomerId, cancellationToken);
        var staging = new DialStagingChannel(import, cancellationToken);
        await staging.RunAsync(async () =>
        {
            await foreach (var row in command.Rows.WithCancellation(cancellationToken))
            {
                if (rules.TryStage(row, out var dial, out var problem))
                {
                    await staging.StageAsync(dial, cancellationToken);
                }
                else
                {
                    rejected.Add(index, row.CallId, problem);
                }

                index++;
            }
        });

        var counts = await staging.CommitAsync(versions, command.CustomerId, rejected.Count, cancellationToken);
        return new DialImportResult { Accepted = counts.Accepted, Duplicates = counts.Duplicates, Rejected = rejected.Itemised, RejectedCount = rejected.Count };
    }
}
