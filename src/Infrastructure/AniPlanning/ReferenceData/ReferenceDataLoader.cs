using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using AniPlanner.Application.AniPlanning.Common;
using AniPlanner.Application.AniPlanning.ImportDials;
using AniPlanner.Application.Common.Text;
using AniPlanner.Domain.AniPlanning.Regions;
using AniPlanner.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace AniPlanner.Infrastructure.AniPlanning.ReferenceData;

/// <summary>
/// Puts the phone-geography reference data into the database (only when a data set changed:
/// each one's content hash is recorded) and loads the lookup index from it. The ZIP table can
/// be replaced by a file named in <c>ReferenceData:ZipAreaCodesFile</c>; when it changes, the
/// ZIP rollups are rebuilt from the stored dials in the same transaction.
/// </summary>
public sealed partial class ReferenceDataLoader(
    AniPlannerDbContext context,
    IConfiguration configuration,
    PhoneGeographyHolder geography,
    IDialStore dialStore,
    ILogger<ReferenceDataLoader> logger)
{
    public const string ZipFileSetting = "ReferenceData:ZipAreaCodesFile";

    /// <summary>Bump when the way rows are derived from the files changes.</summary>
    private const string DerivationVersion = "1";

    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        var nanp = Embedded("nanp_area_codes.csv");
        var nanpOther = Embedded("nanp_other_countries.csv");
        var uk = Embedded("uk_area_codes.csv");
        var ukRanges = Embedded("uk_non_geographic_ranges.csv");
        var zipFile = configuration[ZipFileSetting];
        var zips = string.IsNullOrWhiteSpace(zipFile) ? Embedded("zip_area_codes.csv") : await File.ReadAllBytesAsync(zipFile, cancellationToken);

        await SyncAsync("regions", [nanp, nanpOther, uk], async () =>
        {
            await context.RegionAreas.ExecuteDeleteAsync(cancellationToken);
            await InsertAsync("RegionAreas", ["Plan", "AreaCode", "Country", "Region", "State", "Kind"],
                (await RegionAreasAsync(nanp, nanpOther, uk)).Select(area => new object[] { area.Plan, area.AreaCode, area.Country, area.Region, area.State, (int)area.Kind }),
                cancellationToken);
        }, cancellationToken);

        await SyncAsync("uk_ranges", [ukRanges], async () =>
        {
            await context.UkNumberRanges.ExecuteDeleteAsync(cancellationToken);
            await InsertAsync("UkNumberRanges", ["Prefix", "Kind", "Territory"], await ReadAsync(ukRanges, 3, row => new object[] { row[0], row[1], row[2] }), cancellationToken);
        }, cancellationToken);

        await SyncAsync("zips", [zips], async () =>
        {
            await context.ZipAreaCodes.ExecuteDeleteAsync(cancellationToken);
            await InsertAsync("ZipAreaCodes", ["Zip", "AreaCode"], (await ZipAreaCodesAsync(zips)).Select(zip => new object[] { zip.Zip, zip.AreaCode }), cancellationToken);

            // The ZIP rollups follow the table they are computed from, in the same transaction.
            await dialStore.RebuildZipRollupsAsync(cancellationToken);
        }, cancellationToken);

        geography.Replace(new PhoneGeography(
            await context.RegionAreas.AsNoTracking().ToListAsync(cancellationToken),
            await context.UkNumberRanges.AsNoTracking().ToListAsync(cancellationToken),
            await context.ZipAreaCodes.AsNoTracking().ToListAsync(cancellationToken)));
    }

    /// <summary>Replaces one data set, in one transaction, when its hash differs from the recorded one.</summary>
    private async Task SyncAsync(string name, byte[][] sources, Func<Task> replace, CancellationToken cancellationToken)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData([.. Encoding.UTF8.GetBytes(DerivationVersion), .. sources.SelectMany(source => source)]));
        var recorded = await context.Set<ReferenceDataVersion>().AsNoTracking().Where(version => version.Name == name).Select(version => version.Hash).SingleOrDefaultAsync(cancellationToken);
        if (recorded == hash)
        {
            return;
        }

        // SQL Server retries failed connections; a transaction must then run as one retriable unit.
        var loaded = await context.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var transaction = await context.Database.BeginTransactionAsync(cancellationToken);
            if (!await ClaimAsync(name, recorded, hash, cancellationToken))
            {
                await transaction.RollbackAsync(cancellationToken);
                return false;
            }

            await replace();
            await transaction.CommitAsync(cancellationToken);
            return true;
        });
        if (loaded)
        {
            LogLoaded(logger, name);
        }
    }

    /// <summary>
    /// Records the new hash first, in the open transaction, so that instances starting together
    /// load a data set once: the others wait on the recorded row until this transaction ends, then
    /// find it no longer what they read (a key taken, a hash changed) and leave the set as loaded.
    /// </summary>
    private async Task<bool> ClaimAsync(string name, string? recordedHash, string hash, CancellationToken cancellationToken)
    {
        var versions = context.Set<ReferenceDataVersion>();
        if (recordedHash is not null)
        {
            return await versions.Where(version => version.Name == name && version.Hash == recordedHash)
                .ExecuteUpdateAsync(version => version.SetProperty(row => row.Hash, hash), cancellationToken) == 1;
        }

        var claim = versions.Add(new ReferenceDataVersion(name, hash));
        try
        {
            await context.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException taken) when (taken.IsUniqueKeyViolation())
        {
            return false;
        }
        finally
        {
            // Untracked either way, so that a retried transaction can claim again.
            claim.State = EntityState.Detached;
        }
    }

    /// <summary>Tens of thousands of rows in the open transaction, the fastest way each provider has.</summary>
    private Task InsertAsync(string table, string[] columns, IEnumerable<object[]> rows, CancellationToken cancellationToken) =>
        BulkInsert.IntoAsync(context.Database.CurrentTransaction!.GetDbTransaction(), table, columns, rows, cancellationToken);

    private static async Task<List<RegionArea>> RegionAreasAsync(byte[] nanp, byte[] nanpOther, byte[] uk)
    {
        var areas = await ReadAsync(nanp, 6, row => row[5] switch
        {
            "geographic" => new RegionArea(RegionArea.Nanp, row[0], row[1], row[3], row[2], AreaKind.Geographic),
            "toll_free" => new RegionArea(RegionArea.Nanp, row[0], "", "Toll-Free", "TF", AreaKind.TollFree),
            _ => new RegionArea(RegionArea.Nanp, row[0], "", row[3], "", AreaKind.NonGeographic),
        });
        areas.AddRange(await ReadAsync(nanpOther, 4, row => new RegionArea(RegionArea.Nanp, row[0], row[1], row[2], "", AreaKind.Foreign)));

        // A UK row is one area code: its counties are the region, the code (without 0) the state.
        areas.AddRange(await ReadAsync(uk, 3, row =>
            new RegionArea(RegionArea.Uk, row[0], "GB", string.Join(", ", row[2].Split("; ")), row[0], AreaKind.Geographic)));
        areas.Add(new RegionArea(RegionArea.Uk, RegionArea.UkMobileCode, "GB", "Mobile", RegionArea.UkMobileCode, AreaKind.Mobile));
        areas.Add(new RegionArea(RegionArea.Uk, "800", "GB", "Freephone", "", AreaKind.Freephone));
        areas.Add(new RegionArea(RegionArea.Uk, "808", "GB", "Freephone", "", AreaKind.Freephone));
        return areas;
    }

    /// <summary>One row per ZIP: the lowest of its area codes (they are one overlay complex).</summary>
    private static async Task<List<ZipAreaCode>> ZipAreaCodesAsync(byte[] zips)
    {
        var pairs = await ReadAsync(zips, 2, row => (Zip: row[0], AreaCode: row[1]));
        return [.. pairs.GroupBy(pair => pair.Zip).Select(zip => new ZipAreaCode(zip.Key, zip.Min(pair => pair.AreaCode)!))];
    }

    private static async Task<List<T>> ReadAsync<T>(byte[] csv, int columns, Func<List<string>, T> map)
    {
        using var reader = new StreamReader(new MemoryStream(csv), Encoding.UTF8);
        var records = new CsvReader(reader);
        _ = await records.ReadRecordAsync(); // header
        var rows = new List<T>();
        while (await records.ReadRecordAsync() is { } record)
        {
            if (record.Count < columns)
            {
                throw new InvalidDataException($"A reference data row has {record.Count} fields, expected {columns}: {string.Join(",", record)}");
            }

            rows.Add(map(record));
        }

        return rows;
    }

    private static byte[] Embedded(string file)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"ReferenceData.{file}")
            ?? throw new InvalidOperationException($"Reference data {file} is not embedded in the assembly.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Reference data '{Name}' loaded into the database")]
    private static partial void LogLoaded(ILogger logger, string name);
}
