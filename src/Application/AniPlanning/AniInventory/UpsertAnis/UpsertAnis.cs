using AniPlanner.Application.AniPlanning.Common;
using AniPlanner.Application.Common.Persistence;
using AniPlanner.Application.Common.Wire;
using AniPlanner.Domain.AniPlanning.AniInventory;
using AniPlanner.Domain.AniPlanning.Settings;
using AniPlanner.Domain.Common;
using FluentValidation;
using Mediator;

namespace AniPlanner.Application.AniPlanning.AniInventory.UpsertAnis;

/// <summary>
/// Records ANIs by number: new ones are added, known ones take the new status and managed flag.
/// Items that fail their checks are answered with their index; the others are saved together.
/// </summary>
public sealed record UpsertAnis(Guid CustomerId, IReadOnlyList<AniInput?> Items) : ICommand<UpsertAnisResult>;

public sealed class UpsertAnisHandler(
    IRepository<Ani> anis,
    IRepository<PlannerSettings> settings,
    IPlanningQueries queries,
    IValidator<AniInput> itemValidator,
    IPhoneGeography geography,
    IPlannerDataVersions versions,
    TimeProvider clock)
    : ICommandHandler<UpsertAnis, UpsertAnisResult>
{
    /// <summary>Numbers looked up per query, well under every provider's parameter limit.</summary>
    private const int LookupChunk = 500;

    public async ValueTask<UpsertAnisResult> Handle(UpsertAnis command, CancellationToken cancellationToken)
    {
        var now = Timestamps.Now(clock);
        var rejected = new List<RejectedAni>();
        var accepted = new Dictionary<string, (AniStatus Status, bool Managed)>(StringComparer.Ordinal);
        var (_, company) = await new CompanyCountryResolver(settings, queries, geography).ResolveSettingsAsync(command.CustomerId, cancellationToken);
        for (var index = 0; index < command.Items.Count; index++)
        {
            var item = command.Items[index];
            var result = item is null ? null : await itemValidator.ValidateAsync(AniInputValidator.For(item, company.NumberRegion), cancellationToken);
            if (item is null || !result!.IsValid)
            {
                rejected.Add(new RejectedAni(index, item is null ? "An ANI must be an object: {\"number\", \"status\", \"managed\"}." : string.Join(" ", result!.Errors.Select(error => error.ErrorMessage))));
                continue;
            }

            // Stored as E.164, however it was written. The same number twice in one request: the later item wins.
            geography.TryRead(item.Number, company.NumberRegion, out var number, out _, out _);
            accepted[number] = (WireEnum<AniStatus>.Parse(item.Status!), item.Managed!.Value);
        }

        foreach (var chunk in accepted.Keys.Chunk(LookupChunk))
        {
            var existing = (await anis.ListAsync(new AnisByNumbersSpec(command.CustomerId, chunk), cancellationToken))
                .ToDictionary(ani => ani.Number, StringComparer.Ordinal);
            foreach (var number in chunk)
            {
                var (status, managed) = accepted[number];
                if (existing.TryGetValue(number, out var ani))
                {
                    ani.Update(status, managed, now);
                }
                else
                {
                    geography.TryLocate(number, out var area, out _);
                    anis.Add(Ani.Record(command.CustomerId, number, status, managed, area.AreaKey, area.Country, now));
                }
            }
        }

        await anis.SaveChangesAsync(cancellationToken);
        await versions.BumpAsync(command.CustomerId, cancellationToken);
        return new UpsertAnisResult(command.Items.Count - rejected.Count, rejected);
    }
}
