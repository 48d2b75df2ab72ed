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

    [GeneratedRegex(@"^\+[1-9][0-9]{1,14}$")]
    private static partial Regex E164Shape();
}
