using System.Text;
using System.Text.RegularExpressions;
using AniPlanner.Api.Common;
using AniPlanner.Application.Common.Text;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;

namespace AniPlanner.Api.Errors;

/// <summary>
/// Turns what model binding rejected (unreadable JSON, a value of the wrong type) into one 400
/// that names the field and what it should be, instead of ASP.NET Core's problem details.
/// </summary>
public static partial class ModelStateErrors
{
    /// <summary>Model binding quotes the value it could not bind ("The value 'x' is not valid for page"): cut, like every echo.</summary>
    public static void ShortenEchoedValues(DefaultModelBindingMessageProvider messages)
    {
        messages.SetAttemptedValueIsInvalidAccessor((value, field) => $"The value '{EchoedInput.Shorten(value)}' is not valid for {field}.");
        messages.SetNonPropertyAttemptedValueIsInvalidAccessor(value => $"The value '{EchoedInput.Shorten(value)}' is not valid.");
        messages.SetValueIsInvalidAccessor(value => $"The value '{EchoedInput.Shorten(value)}' is invalid.");
        messages.SetValueMustNotBeNullAccessor(value => $"The value '{EchoedInput.Shorten(value)}' is invalid.");
    }

    public static IActionResult ToResult(ActionContext context) =>
        ErrorResponseWriter.ToResult(context.HttpContext, Describe(context.ModelState));

    public static ApiError Describe(ModelStateDictionary modelState)
    {
        // Bytes that are not UTF-8 fail as "could not be converted to String": that would blame the field's type.
        if (modelState.Values.SelectMany(entry => entry.Errors).Any(error => IsNotText(error.Exception)))
        {
            return ApiError.BadRequest("INVALID_JSON_BODY", "The request body is not valid UTF-8 text: send JSON encoded as UTF-8.");
        }

        // JSON errors (keys starting with '$') explain more than the "body is required" that
        // comes with them, so they are looked at first.
        foreach (var (key, entry) in modelState.OrderBy(pair => pair.Key.StartsWith('$') ? 0 : 1))
        {
            foreach (var error in entry?.Errors ?? [])
            {
                var message = error.ErrorMessage.Length > 0 ? error.ErrorMessage : error.Exception?.Message ?? "";
                var conversion = WrongType().Match(message);
                var field = key.StartsWith('$') ? key.TrimStart('$', '.') : key;

                if (error.Exception is NulInTextException)
                {
                    return ApiError.BadRequest("VALIDATION_FAILED", $"{(field.Length > 0 ? field : "The body")} must not contain the NUL character (\\u0000).");
                }

                if (conversion.Success && field.Length > 0 && error.Exception?.InnerException?.Message.Contains("UTF-16 JSON text", StringComparison.Ordinal) == true)
                {
                    return ApiError.BadRequest("INVALID_JSON_BODY", $"{field} is not valid Unicode text (a lone surrogate escape such as \\ud800).");
                }

                if (conversion.Success && field.Length > 0)
                {
                    return ApiError.BadRequest("INVALID_FIELD_TYPE", $"{field} must be {Expected(conversion.Groups["type"].Value)}.");
                }

                if (conversion.Success || key.StartsWith('$') || key.Length == 0 || key == "body")
                {
                    var detail = conversion.Success || key.Length == 0 || key == "body" ? "send one JSON object" : message.TrimEnd('.');
                    return ApiError.BadRequest("INVALID_JSON_BODY", $"The request body is empty or not valid JSON: {detail}.");
                }

                return ApiError.BadRequest("INVALID_ARGUMENT", $"{key}: {message}");
            }
        }

        return ApiError.BadRequest("INVALID_ARGUMENT", "The request is not valid.");
    }

    private static bool IsNotText(Exception? exception)
    {
        for (var cause = exception; cause is not null; cause = cause.InnerException)
        {
            if (cause is DecoderFallbackException)
            {
                return true;
            }
        }

        return false;
    }

    // Collections first: List`1[System.String] names its element type too.
    private static string Expected(string clrType) => clrType switch
    {
        _ when clrType.Contains("[]", StringComparison.Ordinal) || clrType.Contains("List", StringComparison.Ordinal) => "an array",
        _ when clrType.Contains("Int", StringComparison.Ordinal) => "a whole number",
        _ when clrType.Contains("String", StringComparison.Ordinal) => "a string",
        _ when clrType.Contains("Boolean", StringComparison.Ordinal) => "true or false",
        _ => "an object",
    };

    [GeneratedRegex(@"could not be converted to (?<type>[^.\s]+(?:\.[^.\s]+)*)")]
    private static partial Regex WrongType();
}
