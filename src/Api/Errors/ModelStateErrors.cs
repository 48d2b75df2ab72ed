using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using AniPlanner.Api.Common;
using AniPlanner.Application.Common.Exceptions;
using AniPlanner.Application.Common.Text;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;
using Microsoft.Extensions.Options;

namespace AniPlanner.Api.Errors;

/// <summary>
/// Turns what model binding rejected (unreadable JSON, a value of the wrong type) into one 400
/// that names the field and what it should be, instead of ASP.NET Core's problem details.
/// </summary>
public static class ModelStateErrors
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
        ErrorResponseWriter.ToResult(context.HttpContext, Describe(context.ModelState, BodyContract(context)));

    /// <summary>
    /// The answer for what model binding rejected. <paramref name="body"/> is the contract the body was
    /// read with, if the action takes one: it says what type a JSON path holds, which a serializer
    /// exception does not.
    /// </summary>
    public static ApiError Describe(ModelStateDictionary modelState, JsonTypeInfo? body)
    {
        // Bytes that are not UTF-8 fail like a value the field cannot take: that would blame the field's type.
        if (modelState.Values.SelectMany(entry => entry.Errors).Any(error => IsNotText(error.Exception)))
        {
            return ApiError.BadRequest(ErrorReasons.InvalidJsonBody, "The request body is not valid UTF-8 text: send JSON encoded as UTF-8.");
        }

        // JSON errors (keys starting with '$') explain more than the "body is required" that
        // comes with them, so they are looked at first.
        foreach (var (key, entry) in modelState.OrderBy(pair => pair.Key.StartsWith('$') ? 0 : 1))
        {
            foreach (var error in entry?.Errors ?? [])
            {
                var message = error.ErrorMessage.Length > 0 ? error.ErrorMessage : error.Exception?.Message ?? "";
                var field = key.StartsWith('$') ? key.TrimStart('$', '.') : key;
                var valueRefused = IsValueRefused(error.Exception);
                var declared = body is null || !valueRefused ? null : JsonBodyPath.TypeAt(body, key);

                if (error.Exception is NulInTextException)
                {
                    return ApiError.BadRequest(ErrorReasons.ValidationFailed, $"{(field.Length > 0 ? field : "The body")} must not contain the NUL character (\\u0000).");
                }

                if (field.Length > 0 && IsNotUnicodeText(error.Exception, declared))
                {
                    return ApiError.BadRequest(ErrorReasons.InvalidJsonBody, $"{field} is not valid Unicode text (a lone surrogate escape such as \\ud800).");
                }

                if (field.Length > 0 && Expected(declared) is { } expected)
                {
                    return ApiError.BadRequest(ErrorReasons.InvalidFieldType, $"{field} must be {expected}.");
                }

                if (valueRefused || key.StartsWith('$') || key.Length == 0 || key == "body")
                {
                    var detail = valueRefused || key.Length == 0 || key == "body" ? "send one JSON object" : message.TrimEnd('.');
                    return ApiError.BadRequest(ErrorReasons.InvalidJsonBody, $"The request body is empty or not valid JSON: {detail}.");
                }

                return ApiError.BadRequest(ErrorReasons.InvalidArgument, $"{key}: {message}");
            }
        }

        return ApiError.BadRequest(ErrorReasons.InvalidArgument, "The request is not valid.");
    }

    private static JsonTypeInfo? BodyContract(ActionContext context)
    {
        var bodyType = context.ActionDescriptor.Parameters.FirstOrDefault(parameter => parameter.BindingInfo?.BindingSource == BindingSource.Body)?.ParameterType;
        return bodyType is null
            ? null
            : context.HttpContext.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.JsonSerializerOptions.GetTypeInfo(bodyType);
    }

    /// <summary>
    /// The JSON was read but a value could not be taken: the serializer wraps what the reader said
    /// (a token of the wrong kind, a number out of range) or says so itself. Unreadable JSON comes
    /// wrapping the reader's own JsonException instead.
    /// </summary>
    private static bool IsValueRefused(Exception? exception) => exception is JsonException { InnerException: not JsonException };

    /// <summary>
    /// Our string converter says so itself. An object reads only its property names itself, so the
    /// reader failing at an object (a value of the wrong kind fails with no inner exception) is a
    /// property name that is not Unicode text.
    /// </summary>
    private static bool IsNotUnicodeText(Exception? exception, JsonTypeInfo? declared) =>
        exception is NotUnicodeTextException
        || (exception is JsonException { InnerException: InvalidOperationException } && declared?.Kind == JsonTypeInfoKind.Object);

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

    /// <summary>What a value of the declared type looks like in JSON; null for a type with no short word here.</summary>
    private static string? Expected(JsonTypeInfo? declared) => declared switch
    {
        null => null,
        { Kind: JsonTypeInfoKind.Enumerable } => "an array",
        { Kind: JsonTypeInfoKind.Object or JsonTypeInfoKind.Dictionary } => "an object",
        _ when declared.Type == typeof(string) => "a string",
        _ when declared.Type == typeof(bool) => "true or false",
        _ when WholeNumbers.Contains(declared.Type) => "a whole number",
        _ => null,
    };

    private static readonly HashSet<Type> WholeNumbers =
        [typeof(sbyte), typeof(byte), typeof(short), typeof(ushort), typeof(int), typeof(uint), typeof(long), typeof(ulong)];
}
