using System.Text;

namespace AniPlanner.FunctionalTests.Fuzzing;

/// <summary>One request the fuzzer sends, kept as plain data so a failure can be shown and sent again.</summary>
public sealed record FuzzRequest(
    string Description,
    string Method,
    string Url,
    IReadOnlyList<(string Name, string Value)> Headers,
    byte[]? Body,
    string? ContentType,
    bool Chunked)
{
    public HttpRequestMessage ToHttpRequest()
    {
        var request = new HttpRequestMessage(new HttpMethod(Method), Url);
        if (Body is not null)
        {
            // Raw bytes, so that what is not UTF-8 (or not text) arrives as built; a chunked body has no length.
            request.Content = Chunked ? new StreamContent(new UnseekableStream(Body)) : new ByteArrayContent(Body);
            request.Headers.TransferEncodingChunked = Chunked;
            if (ContentType is not null)
            {
                request.Content.Headers.TryAddWithoutValidation("Content-Type", ContentType);
            }
        }

        foreach (var (name, value) in Headers)
        {
            // Content headers (Content-Encoding, Content-Language) belong to the content, when there is one.
            if (!request.Headers.TryAddWithoutValidation(name, value))
            {
                request.Content?.Headers.TryAddWithoutValidation(name, value);
            }
        }

        return request;
    }

    /// <summary>What a person needs to see to reproduce it: long values are cut.</summary>
    public override string ToString()
    {
        var text = new StringBuilder($"{Description}\n    {Method} {Excerpts.Cut(Url, 300)}");
        foreach (var (name, value) in Headers)
        {
            text.Append($"\n    {name}: {Excerpts.Cut(value, 120)}");
        }

        if (Body is not null)
        {
            text.Append($"\n    Content-Type: {(ContentType is null ? "(none)" : Excerpts.Cut(ContentType, 120))}{(Chunked ? ", chunked" : "")}");
            text.Append($"\n    body ({Body.Length:N0} bytes): {Excerpts.Cut(Encoding.UTF8.GetString(Body), 300)}");
        }

        return text.ToString();
    }

    /// <summary>A body of unknown length, so HttpClient sends it chunked.</summary>
    private sealed class UnseekableStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}

/// <summary>The credentials the fuzzer holds, and the real resources its path ids point at.</summary>
public sealed record FuzzTargets(
    string AdminToken,
    string ManagerToken,
    string PlannerToken,
    string PlatformKey,
    IReadOnlyDictionary<string, string> ExistingIdsByCollection)
{
    /// <summary>An id of a real resource for the template's collection ("/v1.0/users/{id}" → a user's id).</summary>
    public string ExistingId(string pathTemplate)
    {
        var collection = pathTemplate[..pathTemplate.IndexOf("/{", StringComparison.Ordinal)];
        return ExistingIdsByCollection.TryGetValue(collection, out var id) ? id : "missing";
    }

    public string ValidCredentialFor(FuzzOperation operation) =>
        operation.PathTemplate.StartsWith("/v1.0/customers", StringComparison.Ordinal) ? PlatformKey : AdminToken;
}

