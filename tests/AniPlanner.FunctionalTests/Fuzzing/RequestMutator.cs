using System.Text;
using System.Text.Json.Nodes;

namespace AniPlanner.FunctionalTests.Fuzzing;

/// <summary>What one fuzzed request gets wrong on purpose.</summary>
public enum Mutation
{
    None,
    Credential,
    PathSegment,
    Query,
    FieldValue,
    MissingField,
    DuplicateProperty,
    UnknownProperty,
    WholeBody,
    ContentType,
    TextEncoding,
    OversizedBody,
    Header,
    Method,
}

/// <summary>
/// Builds requests for one operation that are wrong in one way (sometimes two), chosen by a
/// seeded <see cref="Random"/>: the same seed gives the same requests, so a failure reproduces.
/// Each mutation kind comes round in turn, so even a few cases per operation cover them all.
/// </summary>
public sealed class RequestMutator(FuzzOperation operation, FuzzTargets targets, Random random)
{
    /// <summary>Stands in a body's text for the value a mutation puts there.</summary>
    private const string Slot = "__fuzz_slot__";

    private static readonly Mutation[] BodyMutations =
        [Mutation.FieldValue, Mutation.MissingField, Mutation.DuplicateProperty, Mutation.UnknownProperty, Mutation.TextEncoding, Mutation.OversizedBody];

    private static readonly string[] OtherMethods = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE", "FUZZ"];

    private readonly Mutation[] _kinds = [.. Enum.GetValues<Mutation>().Where(kind => operation.TakesBody || !BodyMutations.Contains(kind))];

    public FuzzRequest Build(int caseNumber)
    {
        var draft = new Draft(operation, targets);
        var described = new List<string>();

        // A manager's login token now and then: reaches outplans and the ANI Planner's data (a 403 elsewhere).
        if (draft.Credential == targets.AdminToken && random.Next(4) == 0)
        {
            draft.Credential = targets.ManagerToken;
            described.Add("as a manager");
        }

        var primary = _kinds[caseNumber % _kinds.Length];
        described.Add(Apply(draft, primary));

        // Now and then a second fault on top, since real clients rarely get only one thing wrong.
        if (primary != Mutation.None && random.NextDouble() < 0.25)
        {
            described.Add(Apply(draft, Pick(_kinds.Where(kind => kind != Mutation.None).ToArray())));
        }

        return draft.ToRequest($"case {caseNumber} of {operation.Name}: {string.Join("; ", described)}");
    }

    private string Apply(Draft draft, Mutation mutation) => mutation switch
    {
        Mutation.None => "as the contract describes it",
        Mutation.Credential => MutateCredential(draft),
        Mutation.PathSegment => MutatePath(draft),
        Mutation.Query => MutateQuery(draft),
        Mutation.FieldValue => MutateField(draft),
        Mutation.MissingField => RemoveField(draft),
        Mutation.DuplicateProperty => DuplicateProperty(draft),
        Mutation.UnknownProperty => AddUnknownProperty(draft),
        Mutation.WholeBody => ReplaceBody(draft),
        Mutation.ContentType => MutateContentType(draft),
        Mutation.TextEncoding => MutateEncoding(draft),
        Mutation.OversizedBody => Oversize(draft),
        Mutation.Header => AddOddHeaders(draft),
        Mutation.Method => ChangeMethod(draft),
        _ => throw new ArgumentOutOfRangeException(nameof(mutation)),
    };

    private string MutateCredential(Draft draft)
    {
        var forged = Pick(HostileInputs.ForgedTokens);
        switch (random.Next(9))
        {
            case 0:
                draft.Credential = null;
                return "no credential";
            case 1:
                draft.Credential = targets.ManagerToken;
                return "a manager's login token";
            case 2:
                draft.Credential = targets.PlannerToken;
                return "a planner's access key";
            case 3:
                draft.Credential = draft.Credential == targets.PlatformKey ? targets.AdminToken : targets.PlatformKey;
                return "the other kind of valid credential (platform key / customer key)";
            case 4:
                draft.Credential = forged;
                return $"forged bearer token '{Short(forged)}'";
            case 5:
                draft.Credential = null;
                draft.QueryParts.Add($"token={Uri.EscapeDataString(forged)}");
                return $"forged ?token= '{Short(forged)}'";
            case 6:
                draft.QueryParts.Add($"accesskey={Uri.EscapeDataString(forged)}");
                return $"a valid bearer and a forged ?accesskey= '{Short(forged)}'";
            case 7:
                draft.Credential = null;
                draft.QueryParts.Add(Pick(["token=", "token=%20", "accesskey=&token=", "token", "token=%00", "token=%zz"]));
                return "an empty or broken credential in the query";
            default:
                draft.Credential = null;
                draft.Headers.Add(("Authorization", Pick(["Bearer ", "Bearer", "Basic Zm9vOmJhcg==", "Digest x", "Bearer " + forged + " extra", "Bearer\t" + forged])));
                return "a malformed Authorization header";
        }
    }

    private string MutatePath(Draft draft)
    {
        if (operation.PathParameters.Count > 0 && random.Next(4) > 0)
        {
            var value = random.Next(3) == 0 ? Guid.NewGuid().ToString() : Pick(HostileInputs.PathSegments);
            draft.PathValue = Uri.EscapeDataString(value);
            return $"path id '{Short(value)}'";
        }

        var (path, description) = random.Next(5) switch
        {
            0 => (draft.Path + "/", "a trailing slash"),
            1 => (draft.Path + "/" + Uri.EscapeDataString(Pick(HostileInputs.PathSegments)), "an extra path segment"),
            2 => (draft.Path.ToUpperInvariant(), "the path in upper case"),
            3 => ("/" + draft.Path, "a doubled leading slash"),
            _ => (draft.Path.Replace("/", "/%2e/", StringComparison.Ordinal), "dot segments"),
        };
        draft.PathOverride = path;
        return description;
    }

    private string MutateQuery(Draft draft)
    {
        var described = new List<string>();
        foreach (var (name, _) in operation.QueryParameters)
        {
            if (random.Next(3) > 0)
            {
                var value = Pick(HostileInputs.QueryValues);
                draft.QueryParts.Add($"{name}={Uri.EscapeDataString(value)}");
                described.Add($"{name}='{Short(value)}'");
            }
        }

        var extra = Pick(["page_size=1&page_size=2", "unknown=1", "%zz=%zz", "a=%", "&&&=&", "page_size", "page_size[]=1", Uri.EscapeDataString(HostileInputs.Huge(3_000)) + "=1"]);
        draft.QueryParts.Add(extra);
        described.Add($"'{Short(extra)}'");
        return "query " + string.Join(", ", described);
    }

    private string MutateField(Draft draft)
    {
        var field = draft.PickField(random);
        if (field is null)
        {
            return ReplaceBody(draft);
        }

        var category = random.Next(5);
        var fragment = Pick(category switch
        {
            0 => HostileInputs.WrongTypes,
            1 => HostileInputs.Numbers,
            2 => HostileInputs.NotJsonValues,
            3 => HostileInputs.Structures,
            _ => HostileInputs.Strings,
        });
        draft.SetField(field, fragment);
        return $"{field.Name} = {Short(fragment)}";
    }

    private string RemoveField(Draft draft)
    {
        var field = draft.PickField(random);
        if (field is null)
        {
            return ReplaceBody(draft);
        }

        field.Owner.Remove(field.Name);
        return $"{field.Name} left out";
    }

    private string DuplicateProperty(Draft draft)
    {
        var field = draft.PickField(random);
        if (field is null)
        {
            return ReplaceBody(draft);
        }

        var value = Pick(HostileInputs.WrongTypes.Concat(HostileInputs.Strings).ToArray());
        draft.Duplicate = $"\"{field.Name}\":{value},";
        return $"{field.Name} twice (first {Short(value)})";
    }

    private string AddUnknownProperty(Draft draft)
    {
        var name = Pick(["unknown", "__proto__", "constructor", "$type", "id", "customer_id", "tm_delete", HostileInputs.Huge(2_000)]);
        draft.Duplicate = $"\"{name}\":{Pick(HostileInputs.WrongTypes)},";
        return $"an unknown property '{Short(name)}'";
    }

    private string ReplaceBody(Draft draft)
    {
        var body = Pick(HostileInputs.Bodies);
        draft.RawBody = Encoding.UTF8.GetBytes(body);
        draft.ContentType ??= "application/json";
        return $"the body '{Short(body)}'";
    }

    private string MutateContentType(Draft draft)
    {
        draft.RawBody ??= draft.Body is null ? Encoding.UTF8.GetBytes("{\"name\":\"x\"}") : null;
        if (random.Next(6) == 0)
        {
            draft.ContentType = null;
            return "no Content-Type";
        }

        draft.ContentType = Pick(HostileInputs.ContentTypes);
        return $"Content-Type '{Short(draft.ContentType)}'";
    }

    private string MutateEncoding(Draft draft)
    {
        var text = draft.BodyText();
        var filled = draft.FillSlot(text);
        var utf8 = Encoding.UTF8.GetBytes(filled);
        // Invalid UTF-8, what clients get wrong most, a third of the time.
        (byte[] Bytes, string? Charset, string Description) encoded = random.Next(9) switch
        {
            0 => ([0xEF, 0xBB, 0xBF, .. utf8], null, "a UTF-8 byte order mark"),
            1 => (Encoding.Unicode.GetBytes(filled), "utf-16", "UTF-16 with charset=utf-16"),
            2 => (Encoding.Unicode.GetBytes(filled)[..^1], "utf-16", "an odd number of UTF-16 bytes with charset=utf-16"),
            3 => ([0xFF, 0xFE, .. Encoding.Unicode.GetBytes(filled)], null, "UTF-16 with a byte order mark and no charset"),
            4 => (Encoding.UTF32.GetBytes(filled), "utf-32", "UTF-32 with charset=utf-32"),
            5 => (Encoding.Latin1.GetBytes(filled.Replace("Fuzz", "Café", StringComparison.Ordinal)), "iso-8859-1", "Latin-1 with charset=iso-8859-1"),
            _ => (InvalidUtf8(text), null, "invalid UTF-8 bytes"),
        };
        draft.RawBody = encoded.Bytes;
        if (encoded.Charset is not null)
        {
            draft.ContentType = $"{MediaTypeOnly(draft.ContentType ?? "application/json")}; charset={encoded.Charset}";
        }

        return encoded.Description;
    }

    private string Oversize(Draft draft)
    {
        // Blanks are valid JSON (and CSV/NDJSON ignore them), so only the size is wrong: over the default 1 MiB.
        var padding = new string(' ', (1024 * 1024) + 16);
        draft.RawBody = Encoding.UTF8.GetBytes(draft.FillSlot(draft.BodyText()) + padding);
        draft.Chunked = random.Next(2) == 0;
        return draft.Chunked ? "a body over 1 MiB, chunked" : "a body over 1 MiB";
    }

    private string AddOddHeaders(Draft draft)
    {
        var headers = Enumerable.Range(0, random.Next(1, 4)).Select(_ => Pick(HostileInputs.OddHeaders)).ToList();
        draft.Headers.AddRange(headers);
        return "headers " + string.Join(", ", headers.Select(header => $"{header.Name}: {Short(header.Value)}"));
    }

    private string ChangeMethod(Draft draft)
    {
        draft.Method = Pick(OtherMethods.Where(method => method != operation.Method).ToArray());
        return $"method {draft.Method}";
    }

    private T Pick<T>(IReadOnlyList<T> choices) => choices[random.Next(choices.Count)];

    private static string Short(string value) => Excerpts.Cut(value, 40);

    private static string MediaTypeOnly(string contentType) => contentType.Split(';')[0].Trim();

    /// <summary>The body with bytes no UTF-8 decoder accepts where a mutated value was (else inside its first string).</summary>
    private byte[] InvalidUtf8(string text)
    {
        byte[] invalid = Pick<byte[]>([[0xFF, 0xFE], [0xC0, 0xAF], [0x80], [0xE2, 0x82], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80]]);
        var at = text.IndexOf(Slot, StringComparison.Ordinal);
        if (at < 0)
        {
            var quote = text.IndexOf('"', StringComparison.Ordinal);
            at = quote < 0 ? text.Length : quote + 1;
            text = text.Insert(at, Slot);
        }

        return [.. Encoding.UTF8.GetBytes(text[..at]), .. invalid, .. Encoding.UTF8.GetBytes(text[(at + Slot.Length)..])];
    }

    /// <summary>A property of the body (or of its first item), with the object that holds it.</summary>
    private sealed record Field(JsonObject Owner, string Name);

    /// <summary>The request being built: starts valid, then mutations change parts of it.</summary>
    private sealed class Draft(FuzzOperation operation, FuzzTargets targets)
    {
        public string Method { get; set; } = operation.Method;

        public string Path { get; } = operation.PathTemplate;

        public string? PathOverride { get; set; }

        /// <summary>The value every path parameter takes (escaped); a real resource unless mutated.</summary>
        public string PathValue { get; set; } = operation.PathParameters.Count > 0 ? Uri.EscapeDataString(targets.ExistingId(operation.PathTemplate)) : "";

        public List<string> QueryParts { get; } = [];

        public string? Credential { get; set; } = operation.NeedsCredential ? targets.ValidCredentialFor(operation) : null;

        public List<(string Name, string Value)> Headers { get; } = [];

        public JsonNode? Body { get; } = operation.BodySample?.DeepClone();

        /// <summary>Set by a mutation that writes the bytes itself.</summary>
        public byte[]? RawBody { get; set; }

        public string? ContentType { get; set; } = operation.BodyContentTypes.FirstOrDefault();

        public bool Chunked { get; set; }

        /// <summary>A raw JSON fragment for the field in the slot.</summary>
        public string? SlotValue { get; private set; }

        /// <summary>Text put first in the body's (first) object: a duplicate or unknown property.</summary>
        public string? Duplicate { get; set; }

        public Field? PickField(Random random)
        {
            var owner = Body switch
            {
                JsonObject body => body,
                JsonArray { Count: > 0 } items => items[0] as JsonObject,
                _ => null,
            };
            if (owner is null || owner.Count == 0)
            {
                return null;
            }

            var name = owner.ElementAt(random.Next(owner.Count)).Key;

            // One level down too (an outplan's source), now and then.
            return owner[name] is JsonObject { Count: > 0 } nested && random.Next(2) == 0
                ? new Field(nested, nested.ElementAt(random.Next(nested.Count)).Key)
                : new Field(owner, name);
        }

        public void SetField(Field field, string rawJson)
        {
            field.Owner[field.Name] = Slot;
            SlotValue = rawJson;
        }

        /// <summary>The body as text in its content type, the slot still in it (for the encoders to place bytes).</summary>
        public string BodyText()
        {
            if (Body is null)
            {
                return "{\"name\":\"" + Slot + "\"}";
            }

            var mediaType = MediaTypeOnly(ContentType ?? "application/json");
            var text = mediaType switch
            {
                "text/csv" => Csv(Body),
                "application/x-ndjson" => string.Join("\n", (Body as JsonArray ?? [Body.DeepClone()]).Select(item => item?.ToJsonString())),
                _ => Body.ToJsonString(),
            };
            if (Duplicate is not null)
            {
                var objectStart = text.IndexOf('{', StringComparison.Ordinal);
                text = objectStart < 0 ? text : text.Insert(objectStart + 1, Duplicate);
            }

            return text;
        }

        public FuzzRequest ToRequest(string description)
        {
            var query = QueryParts.Count == 0 ? "" : "?" + string.Join("&", QueryParts);
            var path = PathOverride ?? operation.PathParameters.Aggregate(Path, (current, parameter) => current.Replace("{" + parameter + "}", PathValue, StringComparison.Ordinal));
            var headers = new List<(string, string)>();
            if (Credential is not null)
            {
                headers.Add(("Authorization", "Bearer " + Credential));
            }

            headers.AddRange(Headers);
            var body = RawBody ?? (Body is null ? null : Encoding.UTF8.GetBytes(FillSlot(BodyText())));
            return new FuzzRequest(description, Method, path + query, headers, body, ContentType, Chunked);
        }

        public string FillSlot(string text) => SlotValue is null
            ? text
            : text.Replace("\"" + Slot + "\"", SlotValue, StringComparison.Ordinal).Replace(Slot, SlotValue.Trim('"'), StringComparison.Ordinal);

        /// <summary>A header row and one row per item; values as they are (a slot or a fragment may break the CSV: that is the point).</summary>
        private static string Csv(JsonNode body)
        {
            var items = (body as JsonArray ?? [body.DeepClone()]).OfType<JsonObject>().ToList();
            if (items.Count == 0)
            {
                return "";
            }

            var columns = items[0].Select(pair => pair.Key).ToList();
            var rows = items.Select(item => string.Join(",", columns.Select(column => item[column] is JsonValue value ? value.ToString() : item[column]?.ToJsonString() ?? "")));
            return string.Join("\n", [string.Join(",", columns), .. rows]) + "\n";
        }
    }
}
