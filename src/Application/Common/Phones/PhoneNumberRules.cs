using System.Text.RegularExpressions;
using PhoneNumbers;

namespace AniPlanner.Application.Common.Phones;

/// <summary>Phone-number checks; every parse goes through libphonenumber.</summary>
public static partial class PhoneNumberRules
{
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    /// <summary>
    /// Whether <paramref name="text"/> is an E.164 number: written exactly as
    /// <c>+&lt;country code&gt;&lt;number&gt;</c> and of a length the country's plan allows.
    /// It does not ask whether the number is assigned: VoIPBIN's own examples use +1 555
    /// numbers, which are possible but never valid.
    /// </summary>
    public static bool IsE164(string? text, out string problem) => TryParseE164(text, out _, out problem);

    /// <summary>
    /// <see cref="IsE164"/>, handing back libphonenumber's parse for callers that go on to use it
    /// (one parse per number on the dial-import hot path).
    /// </summary>
    public static bool TryParseE164(string? text, out PhoneNumber number, out string problem)
    {
        number = null!;
        problem = "";
        if (text is null || !E164Shape().IsMatch(text))
        {
            problem = "must be an E.164 number: '+', the country code and the number, digits only (e.g. +15559876543)";
            return false;
        }

        try
        {
            number = Util.Parse(text, null);
        }
        catch (NumberParseException exception)
        {
            problem = exception.ErrorType == ErrorType.INVALID_COUNTRY_CODE
                ? "does not start with a known country calling code"
                : "is not a phone number";
            return false;
        }

        problem = Util.IsPossibleNumberWithReason(number) switch
        {
            PhoneNumberUtil.ValidationResult.IS_POSSIBLE => "",
            PhoneNumberUtil.ValidationResult.INVALID_COUNTRY_CODE => "does not start with a known country calling code",
            PhoneNumberUtil.ValidationResult.TOO_SHORT => "is too short for its country",
            PhoneNumberUtil.ValidationResult.TOO_LONG => "is too long for its country",
            _ => "has a length its country does not use",
        };
        return problem.Length == 0;
    }

    /// <summary>
    /// A number as dialers export it, as E.164: an E.164 number is read as <see cref="TryParseE164"/>
    /// reads it; one without a country code (<c>5551234567</c>, <c>(555) 123-4567</c>,
    /// <c>07700 900123</c>) is read by libphonenumber as a number of <paramref name="region"/>
    /// (an ISO code, "US", "CA" or "GB"), digits with the spaces, dots, dashes and brackets people
    /// write between them, and nothing else: no letters, no extension.
    /// </summary>
    public static bool TryReadNumber(string? text, string region, out string e164, out string problem)
    {
        e164 = "";
        if (text is not null && text.StartsWith('+'))
        {
            if (!TryParseE164(text, out _, out problem))
            {
                return false;
            }

            e164 = text;
            return true;
        }

        if (text is null || !NationalShape().IsMatch(text))
        {
            problem = $"must be a phone number: E.164 (+15559876543), or a national number of the company's number region, {region} "
                + "(digits, optionally with spaces, dots, dashes or brackets)";
            return false;
        }

        if (IsPlainNanp(text, region))
        {
            // What libphonenumber answers for ten digits from 2-9 in a NANP region, without its parse.
            e164 = "+1" + text;
            problem = "";
            return true;
        }

        PhoneNumber number;
        try
        {
            number = Util.Parse(text, region);
        }
        catch (NumberParseException)
        {
            problem = $"is not a phone number of {region}, the company's number region";
            return false;
        }

        problem = Util.IsPossibleNumberWithReason(number) switch
        {
            PhoneNumberUtil.ValidationResult.IS_POSSIBLE => "",
            PhoneNumberUtil.ValidationResult.IS_POSSIBLE_LOCAL_ONLY => "is a local number: give its area code too",
            PhoneNumberUtil.ValidationResult.TOO_SHORT => $"is too short for a number of {Util.GetRegionCodeForCountryCode(number.CountryCode)}",
            PhoneNumberUtil.ValidationResult.TOO_LONG => $"is too long for a number of {Util.GetRegionCodeForCountryCode(number.CountryCode)}",
            _ => $"has a length {Util.GetRegionCodeForCountryCode(number.CountryCode)} does not use",
        };
        if (problem.Length > 0)
        {
            problem += $" (read without a country code as a number of {region}, the company's number region)";
            return false;
        }

        e164 = Util.Format(number, PhoneNumberFormat.E164);
        return true;
    }

    /// <summary>Ten digits, the first 2-9, in a NANP region: the shape US and Canadian dialers export most.</summary>
    private static bool IsPlainNanp(string text, string region) =>
        text.Length == 10 && text[0] is >= '2' and <= '9' && region is "US" or "CA" && text.AsSpan().IndexOfAnyExceptInRange('0', '9') < 0;

    [GeneratedRegex(@"^\+[1-9][0-9]{1,14}$")]
    private static partial Regex E164Shape();

    /// <summary>Up to 20 digits, with the separators people write; an international prefix (011, 00) is a number too.</summary>
    [GeneratedRegex(@"^\(?[0-9][0-9 ().\-]{0,30}$")]
    private static partial Regex NationalShape();
}
