using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace AniPlanner.FunctionalTests.Fuzzing;

/// <summary>
/// What every answer must be, however bad the request: never a 5xx; a 4xx in its contract's
/// envelope, as JSON, with echoed input cut short; and the headers that keep a browser from
/// treating an answer as a page.
/// </summary>
public static class ResponseOracle
{
    /// <summary>The longest error message the service writes (longer ones are cut, with '…').</summary>
    public const int MaxMessageLength = 2_000 + 1;

    /// <summary>Echoed input is cut at 100 characters: a longer run of the fuzzer's filler was reflected whole.</summary>
    private static readonly string ReflectedHugeValue = new(HostileInputs.HugeFiller, 101);

    public static IReadOnlyList<string> Problems(FuzzRequest request, HttpResponseMessage response, string body)
    {
        var problems = new List<string>();
        var status = (int)response.StatusCode;
        if (status >= 500)
        {
            problems.Add($"answered {status} {response.StatusCode}");
        }

        if (!response.Headers.TryGetValues("X-Content-Type-Options", out var sniffing) || !sniffing.Contains("nosniff"))
        {
            problems.Add("no X-Content-Type-Options: nosniff");
        }

        if (!response.Headers.Contains("Content-Security-Policy"))
        {
            problems.Add("no Content-Security-Policy");
        }

        if (status is >= 400 and < 500 && request.Method != "HEAD")
        {
            problems.AddRange(EnvelopeProblems(request, response, body));
        }

        return problems;
    }

    private static IEnumerable<string> EnvelopeProblems(FuzzRequest request, HttpResponseMessage response, string body)
    {
        var mediaType = response.Content.Headers.ContentType?.MediaType;
        if (mediaType != "application/json")
        {
            yield return $"a {(int)response.StatusCode} as '{response.Content.Headers.ContentType}', not application/json";
        }

        JsonObject? answer;
        try
        {
            answer = JsonNode.Parse(body) as JsonObject;
        }
        catch (JsonException)
        {
            answer = null;
        }

        if (answer is null)
        {
            yield return $"a {(int)response.StatusCode} whose body is not a JSON object";
            yield break;
        }

        var message = IsAniPlanner(request) ? AniPlannerMessage(answer, out var problem) : VoipbinMessage(answer, response, out problem);
        if (problem is not null)
        {
            yield return problem;
        }

        if (message?.Length > MaxMessageLength)
        {
            yield return $"a message of {message.Length:N0} characters";
        }

        if (body.Contains(ReflectedHugeValue, StringComparison.Ordinal))
        {
            yield return "a huge input value echoed back whole";
        }
    }

    /// <summary><c>{"success": false, "message": "..."}</c> and nothing else.</summary>
    private static string? AniPlannerMessage(JsonObject answer, out string? problem)
    {
        var message = (answer["message"] as JsonValue)?.TryGetValue<string>(out var text) == true ? text : null;
        var keys = answer.Select(pair => pair.Key).Order(StringComparer.Ordinal);
        problem = keys.SequenceEqual(["message", "success"]) && (answer["success"] as JsonValue)?.TryGetValue<bool>(out var success) == true && !success
            && !string.IsNullOrEmpty(message)
                ? null
                : $"not the ANI Planner's envelope: {Excerpt(answer)}";
        return message;
    }

    /// <summary><c>{"error": {"status", "reason", "message", "request_id"}}</c>, the request id as in X-Request-Id.</summary>
    private static string? VoipbinMessage(JsonObject answer, HttpResponseMessage response, out string? problem)
    {
        string? Text(string name) => (answer["error"]?[name] as JsonValue)?.TryGetValue<string>(out var text) == true ? text : null;
        var fields = (string[])["status", "reason", "message", "request_id"];
        var requestId = response.Headers.TryGetValues("X-Request-Id", out var ids) ? ids.Single() : null;
        problem = answer.Count == 1 && answer["error"] is JsonObject { Count: 4 } && fields.All(field => !string.IsNullOrEmpty(Text(field)))
            ? Text("request_id") == requestId ? null : $"request_id '{Text("request_id")}' is not X-Request-Id '{requestId}'"
            : $"not VoIPBIN's error envelope: {Excerpt(answer)}";
        return Text("message");
    }

    /// <summary>
    /// The contract is the path's, as the service reads it: /ani-planner and /dials (the dialers'
    /// records, which speak the ANI Planner's envelope) in any case, else VoIPBIN's.
    /// </summary>
    private static bool IsAniPlanner(FuzzRequest request)
    {
        var path = new PathString(Uri.UnescapeDataString(new Uri(new Uri("http://localhost"), request.Url).AbsolutePath));
        return path.StartsWithSegments("/ani-planner", StringComparison.OrdinalIgnoreCase) || path.StartsWithSegments("/dials", StringComparison.OrdinalIgnoreCase);
    }

    private static string Excerpt(JsonNode answer) => Excerpts.Cut(answer.ToJsonString(), 300);
}
