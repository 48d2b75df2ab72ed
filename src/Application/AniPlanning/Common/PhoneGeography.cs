using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using AniPlanner.Application.Common.Phones;
using AniPlanner.Application.Common.Text;
using AniPlanner.Domain.AniPlanning.Regions;
using PhoneNumbers;

namespace AniPlanner.Application.AniPlanning.Common;

/// <summary>Where a number belongs: its area key ("" when none) and its ISO country ("" when unknown).</summary>
public readonly record struct NumberArea(string AreaKey, string Country);

/// <summary>Turns phone numbers and ZIP codes into area keys, from the reference data.</summary>
public interface IPhoneGeography
{
    /// <summary>False, with what is wrong, when the text is not an E.164 number libphonenumber accepts.</summary>
    bool TryLocate(string? number, out NumberArea area, out string problem);

    /// <summary>
    /// <see cref="TryLocate"/> for a number as dialers export it: E.164, or national in
    /// <paramref name="region"/> (<see cref="PhoneNumberRules.TryReadNumber"/>); answers it as E.164.
    /// </summary>
    bool TryRead(string? number, PlannerCountry region, out string e164, out NumberArea area, out string problem);

    /// <summary>The area key of a US ZIP ("nanp:213"), or "" when the ZIP is missing or unknown.</summary>
    string ZipAreaKey(string? zip);

    /// <summary>The reference row behind an area key, if there is one.</summary>
    RegionArea? Area(string areaKey);

    IReadOnlyCollection<RegionArea> Areas { get; }
}

/// <summary>The reference data, indexed for lookups on the hot path of dial imports.</summary>
public sealed class PhoneGeography : IPhoneGeography
{
    private static readonly PhoneNumberUtil Phones = PhoneNumberUtil.GetInstance();

    private readonly FrozenDictionary<string, RegionArea> _areas;
    private readonly FrozenDictionary<string, UkNumberRange> _ukRanges;
    private readonly FrozenDictionary<string, string> _zipAreaKeys;
    private readonly int _longestUkRange;

    /// <summary>Where a NANP number of each area code (000-999) belongs, looked up once.</summary>
    private readonly NumberArea[] _nanpByAreaCode;

    public PhoneGeography(IEnumerable<RegionArea> areas, IEnumerable<UkNumberRange> ukRanges, IEnumerable<ZipAreaCode> zips)
    {
        _areas = areas.ToFrozenDictionary(area => area.Key);

        // Several territories share a prefix (GB and GG both list 800): any one tells the kind.
        _ukRanges = ukRanges.DistinctBy(range => range.Prefix).ToFrozenDictionary(range => range.Prefix);
        _longestUkRange = _ukRanges.Count == 0 ? 0 : _ukRanges.Keys.Max(prefix => prefix.Length);
        _zipAreaKeys = zips.ToFrozenDictionary(zip => zip.Zip, zip => RegionArea.AreaKey(RegionArea.Nanp, zip.AreaCode));
        _nanpByAreaCode = [.. Enumerable.Range(0, 1000).Select(code => LocateNanp(code.ToString("D3", CultureInfo.InvariantCulture) + "0000000"))];
    }

    public IReadOnlyCollection<RegionArea> Areas => _areas.Values;

    public RegionArea? Area(string areaKey) => _areas.GetValueOrDefault(areaKey);

    public bool TryLocate(string? number, out NumberArea area, out string problem)
    {
        area = default;
        if (IsPlainNanp(number))
        {
            // What libphonenumber answers for these, without its parse (most of an import's time per row).
            problem = "";
            area = _nanpByAreaCode[(number[2] - '0') * 100 + (number[3] - '0') * 10 + (number[4] - '0')];
            return true;
        }

        // E.164 only: libphonenumber would also read "+1 (213) 555-0123" or an extension, which
        // would then be stored as sent.
        if (!PhoneNumberRules.TryParseE164(number, out var parsed, out var shape))
        {
            problem = $"'{EchoedInput.Shorten(number)}' {shape}";
            return false;
        }

        problem = "";
        var national = Phones.GetNationalSignificantNumber(parsed);
        area = parsed.CountryCode switch
        {
            1 => LocateNanp(national),
            44 => new NumberArea(LocateUk(national), "GB"),
            _ => new NumberArea("", Phones.GetRegionCodeForNumber(parsed) ?? ""),
        };
        return true;
    }

    public bool TryRead(string? number, PlannerCountry region, out string e164, out NumberArea area, out string problem)
    {
        area = default;
        if (number is not null && number.StartsWith('+'))
        {
            e164 = number;
            return TryLocate(number, out area, out problem);
        }

        if (!PhoneNumberRules.TryReadNumber(number, region.ToIso(), out e164, out problem))
        {
            problem = $"'{EchoedInput.Shorten(number)}' {problem}";
            return false;
        }

        return TryLocate(e164, out area, out problem);
    }

    /// <summary>
    /// "+1" and ten digits whose first is 2-9: every such number is a possible NANP number to
    /// libphonenumber, whose national significant number is those ten digits (PhoneGeographyTests
    /// holds the two to the same answers).
    /// </summary>
    private static bool IsPlainNanp([NotNullWhen(true)] string? number) =>
        number is { Length: 12 } && number[0] == '+' && number[1] == '1' && number[2] is >= '2' and <= '9' && number.AsSpan(3).IndexOfAnyExceptInRange('0', '9') < 0;

    public string ZipAreaKey(string? zip)
    {
        if (string.IsNullOrWhiteSpace(zip))
        {
            return "";
        }

        // "90001", "90001-1234" and "900011234" are the same ZIP.
        var trimmed = zip.Trim();
        return _zipAreaKeys.GetValueOrDefault(trimmed.Length > 5 ? trimmed[..5] : trimmed, "");
    }

    private NumberArea LocateNanp(string national)
    {
        var area = national.Length == 10 ? Area(RegionArea.AreaKey(RegionArea.Nanp, national[..3])) : null;
        return area is null ? new NumberArea("", "") : new NumberArea(area.Key, area.NumberCountry);
    }

    private string LocateUk(string national)
    {
        // Non-geographic ranges first (mobile, freephone, ...), longest prefix wins.
        for (var length = Math.Min(_longestUkRange, national.Length); length > 0; length--)
        {
            if (_ukRanges.TryGetValue(national[..length], out var range))
            {
                return range.Kind switch
                {
                    UkNumberRange.MobileKind => RegionArea.AreaKey(RegionArea.Uk, RegionArea.UkMobileCode),
                    UkNumberRange.FreephoneKind => RegionArea.AreaKey(RegionArea.Uk, national[..3]),
                    _ => "",
                };
            }
        }

        // Ofcom makes all of 071-075 and 077-079 mobile. The listed ranges (from libphonenumber)
        // leave some blocks out, such as 07700 900xxx, set aside for drama: mobiles all the same.
        if (national.Length == 10 && national[0] == '7' && national[1] is (>= '1' and <= '5') or (>= '7' and <= '9'))
        {
            return RegionArea.AreaKey(RegionArea.Uk, RegionArea.UkMobileCode);
        }

        // Geographic area codes are 2 to 5 digits after the 0; the longest listed one applies.
        for (var length = Math.Min(5, national.Length); length >= 2; length--)
        {
            var key = RegionArea.AreaKey(RegionArea.Uk, national[..length]);
            if (_areas.TryGetValue(key, out var area) && area.Kind == AreaKind.Geographic)
            {
                return key;
            }
        }

        return "";
    }
}

/// <summary>
/// Holds the reference data loaded at start-up. Registered as the <see cref="IPhoneGeography"/>
/// every handler uses; reloading swaps the whole index at once.
/// </summary>
public sealed class PhoneGeographyHolder : IPhoneGeography
{
    private PhoneGeography? _current;

    private PhoneGeography Current => Volatile.Read(ref _current)
        ?? throw new InvalidOperationException("Reference data is not loaded yet (it is loaded at start-up).");

    public IReadOnlyCollection<RegionArea> Areas => Current.Areas;

    public void Replace(PhoneGeography geography) => Volatile.Write(ref _current, geography);

    public bool TryLocate(string? number, out NumberArea area, out string problem) => Current.TryLocate(number, out area, out problem);

    public bool TryRead(string? number, PlannerCountry region, out string e164, out NumberArea area, out string problem) =>
        Current.TryRead(number, region, out e164, out area, out problem);

    public string ZipAreaKey(string? zip) => Current.ZipAreaKey(zip);

    public RegionArea? Area(string areaKey) => Current.Area(areaKey);
}
