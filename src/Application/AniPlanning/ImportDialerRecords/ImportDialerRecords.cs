using System.Security.Cryptography;
using System.Text;
using AniPlanner.Application.AniPlanning.Common;
using AniPlanner.Application.AniPlanning.ImportDials;
using AniPlanner.Application.Common.Persistence;
using AniPlanner.Application.Common.Telemetry;
using AniPlanner.Application.Common.Text;
using AniPlanner.Domain.AniPlanning.Campaigns;
using AniPlanner.Domain.AniPlanning.Dispositions;
using AniPlanner.Domain.AniPlanning.Settings;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AniPlanner.Application.AniPlanning.ImportDialerRecords;

/// <summary>
/// Imports dials as dialers export them (outboundIQ's Dials API records), streamed and all or
/// nothing per request like <see cref="ImportDials.ImportDials"/>: only outbound directions are
/// dials (others are skipped), the disposition name decides whether a call was a contact, and a
/// record without a dial id gets one derived from what it is, so sending it again is a duplicate.
/// </summary>
public sealed record ImportDialerRecords(Guid CustomerId, IAsyncEnumerable<DialerRecord> Records) : ICommand<DialerImportResult>;

public sealed class ImportDialerRecordsHandler(
    IDialStore store,
    IRepository<PlannerSettings> settings,
    IPlanningQueries queries,
    IPhoneGeography geography,
    IServiceScopeFactory scopes,
    IPlannerDataVersions versions,
    TimeProvider clock,
    IOptions<DialImportOptions> limits)
    : ICommandHandler<ImportDialerRecords, DialerImportResult>
{
    /// <summary>The directions that are dials; the rest (Inbound, SMS, Transfer, ...) are skipped.</summary>
    public static readonly IReadOnlySet<string> DialDirections = new HashSet<string>(["Outbound", "Manual"], StringComparer.OrdinalIgnoreCase);

    /// <summary>What a derived dial id starts with.</summary>
    public const string DerivedIdPrefix = "derived-";

    public async ValueTask<DialerImportResult> Handle(ImportDialerRecords command, CancellationToken cancellationToken)
    {
        var (_, company) = await new CompanyCountryResolver(settings, queries, geography).ResolveSettingsAsync(command.CustomerId, cancellationToken);
        var rejected = new RejectionList(limits.Value);
        long index = 0, skipped = 0;

        using var activity = AniPlannerTelemetry.Activities.StartActivity("ImportDialerRecords");
        await using var import = await store.BeginImportAsync(command.CustomerId, cancellationToken);

        // Read once the import runs: on SQLite a disposition's re-count waits for it from here.
        var lookups = new DialerLookups(scopes, command.CustomerId, clock);
        await lookups.LoadAsync(cancellationToken);
        var rules = new DialRowRules(geography, lookups.Campaigns, company, clock.GetUtcNow(), lookups.Dispositions, DialFieldNames.Dialer);

        var staging = new DialStagingChannel(import, cancellationToken);
        await staging.RunAsync(async () =>
        {
            await foreach (var record in command.Records.WithCancellation(cancellationToken))
            {
                var position = index++;
                if (record.ReadError is null && !IsDial(record))
                {
                    skipped++;
                    continue;
                }

                var row = ToDialInput(record);

                // Most records name a campaign and a disposition the company has: checked once. A
                // record that fails is checked again without its lookups, and declares what it names
                // only if nothing else is wrong with it.
                if (!rules.TryStage(row, out var dial, out var problem))
                {
                    problem = rules.ProblemButForItsLookups(row);
                    if (problem.Length == 0)
                    {
                        problem = await DeclareWhatItNamesAsync(record, row, lookups, cancellationToken);
                    }

                    if (problem.Length > 0 || !rules.TryStage(row, out dial, out problem))
                    {
                        rejected.Add(position, record.DialId, problem);
                        continue;
                    }
                }

                await staging.StageAsync(record.DialId is null ? dial with { CallId = DerivedId(record.CampaignId!, dial) } : dial, cancellationToken);
            }
        });

        var counts = await staging.CommitAsync(versions, command.CustomerId, rejected.Count, cancellationToken);
        return new DialerImportResult
        {
            Accepted = counts.Accepted,
            Duplicates = counts.Duplicates,
            Skipped = skipped,
            Rejected = [.. rejected.Itemised.Select(rejection => new RejectedDialerRecord(rejection.Index, rejection.CallId, rejection.Message))],
            RejectedCount = rejected.Count,
        };
    }

    /// <summary>A record without a direction is taken for an outbound dial.</summary>
    private static bool IsDial(DialerRecord record) => string.IsNullOrWhiteSpace(record.CallDirection) || DialDirections.Contains(record.CallDirection.Trim());

    private static DialInput ToDialInput(DialerRecord record) => new()
    {
        // Derived once the record is read (DerivedId); a placeholder passes the call id check meanwhile.
        CallId = record.DialId ?? DerivedIdPrefix,
        Campaign = record.CampaignId?.Trim(),
        DialedAt = record.DateTime?.Trim(),
        ProspectNumber = record.ProspectPhone?.Trim(),
        AniNumber = record.Ani?.Trim(),
        ProspectZip = CanadianPostalCodes.IsOne(record.Zip) ? null : record.Zip,
        DispositionName = record.DispositionName,
        ReadError = record.ReadError,
    };

    /// <summary>
    /// For a record that passes every other check: creates its campaign when it is new, records its
    /// disposition name when it is new. Answers what is wrong with the names themselves, if anything.
    /// </summary>
    private static async Task<string> DeclareWhatItNamesAsync(DialerRecord record, DialInput row, DialerLookups lookups, CancellationToken cancellationToken)
    {
        var campaign = row.Campaign;
        var newCampaign = campaign is not null && !lookups.Campaigns.ContainsKey(campaign);
        var newDisposition = !string.IsNullOrWhiteSpace(row.DispositionName) && !lookups.Dispositions.ContainsKey(Disposition.KeyOf(row.DispositionName));

        if (newCampaign)
        {
            if (!AniPlanningRules.IsCampaignIdentifier(campaign))
            {
                return $"campaign_id '{EchoedInput.Shorten(campaign)}' must be 1 to {Campaign.MaxIdentifierLength} letters, digits, '.', '_' or '-'.";
            }

            var name = string.IsNullOrWhiteSpace(record.CampaignName) ? campaign! : record.CampaignName.Trim();
            if (name.Length > Campaign.MaxNameLength)
            {
                return $"campaign_name is longer than {Campaign.MaxNameLength} characters.";
            }

            await lookups.CreateCampaignAsync(campaign!, name, cancellationToken);
        }

        if (newDisposition)
        {
            if (row.DispositionName!.Trim().Length > Disposition.MaxNameLength)
            {
                return $"disposition_name is longer than {Disposition.MaxNameLength} characters.";
            }

            await lookups.RecordDispositionAsync(row.DispositionName, cancellationToken);
        }

        return "";
    }

    /// <summary>
    /// The id of a record sent without one: from its campaign, numbers and instant as stored (E.164,
    /// UTC), so the same dial sent again, however its numbers or time were written, is a duplicate.
    /// </summary>
    public static string DerivedId(string campaignId, in StagedDial dial)
    {
        var identity = $"{campaignId.Trim()}\n{dial.AniNumber}\n{dial.ProspectNumber}\n{dial.DialedAtUtc.Ticks}";
        return DerivedIdPrefix + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(identity)))[..40];
    }
}
