using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AniPlanner.FunctionalTests.Readme;

/// <summary>
/// An answer as the README shows it in a <c># -> ...</c> comment, read as a shape the real answer
/// must have. The notation is JSON loosened for reading: an optional HTTP status first
/// (<c>200 {...}</c>, not checked here: an error status fails the command itself); <c>...</c>
/// for anything, or among an object's keys for "more keys", or among an array's items for "more
/// items"; a key alone (<c>{"id", "name"}</c>) for "this key, any value". The rules: an object
/// has every key shown, and no other unless <c>...</c> says so; a value has the kind shown
/// (string, number, boolean, null, object, array); <c>[]</c> is an empty array; every item of an
/// array matches the item shown. Example values (ids, dates, counts, flags) are not compared:
/// they differ from run to run and from item to item (a failure still differs in its keys). A shape that
/// is not JSON (<c>Healthy</c>) is the answer's last line, exactly.
/// </summary>
public abstract record AnswerShape
{
    /// <summary>Reads a shape; fails, saying where, on text that is neither a shape nor plain words.</summary>
    public static AnswerShape Parse(string shown)
    {
        var text = shown.Trim();
        var afterStatus = text.Length > 4 && char.IsAsciiDigit(text[0]) && char.IsAsciiDigit(text[1]) && char.IsAsciiDigit(text[2]) && text[3] == ' '
            ? text[4..].TrimStart()
            : text;
        if (!afterStatus.StartsWith('{') && !afterStatus.StartsWith('['))
        {
            return new TextShape(afterStatus);
        }

        var reader = new ShapeReader(afterStatus);
        var shape = reader.ReadValue();
        reader.ExpectEnd();
        return shape;
    }

    /// <summary>What in <paramref name="output"/> (a command's output) differs from the shape; empty when it matches.</summary>
    public IReadOnlyList<string> Mismatches(string output)
    {
        if (this is TextShape text)
        {
            var lastLine = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault();
            return lastLine == text.Text ? [] : [$"the answer's last line is {Quote(lastLine)}, not {Quote(text.Text)}"];
        }

        if (!LastJsonValue(output, out var answer))
        {
            return [$"the answer holds no JSON: {Quote(output)}"];
        }

        var mismatches = new List<string>();
        Compare(answer, "$", mismatches);
        return mismatches;
    }

    /// <summary>Adds to <paramref name="mismatches"/> where <paramref name="actual"/> (at <paramref name="path"/>) differs.</summary>
    protected abstract void Compare(JsonNode? actual, string path, List<string> mismatches);

    /// <summary>
    /// The last JSON object or array the output holds (a command may print words before, or
    /// several answers run together): each '{' or '[' that starts a whole JSON value counts.
    /// </summary>
    private static bool LastJsonValue(string output, out JsonNode? value)
    {
        value = null;
        var found = false;
        var bytes = Encoding.UTF8.GetBytes(output);
        for (var start = 0; start < bytes.Length; start++)
        {
            if (bytes[start] is not ((byte)'{' or (byte)'['))
            {
                continue;
            }

            try
            {
                var reader = new Utf8JsonReader(bytes.AsSpan(start), new JsonReaderOptions { AllowMultipleValues = true });
                value = JsonNode.Parse(ref reader);
                found = true;
                start += (int)reader.BytesConsumed - 1;
            }
            catch (JsonException)
            {
                // Not the start of a JSON value: a brace in words.
            }
        }

        return found;
    }

    private static string Quote(string? text) => text is null ? "nothing" : JsonSerializer.Serialize(text.Length <= 300 ? text : text[..300] + "…");

    private static string KindOf(JsonNode? node) => node?.GetValueKind() switch
    {
        null or JsonValueKind.Null => "null",
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        var kind => kind.ToString()!,
    };

    private static void WrongKind(JsonNode? actual, string expected, string path, List<string> mismatches) =>
        mismatches.Add($"{path} is {KindOf(actual)} ({Quote(actual?.ToJsonString() ?? "null")}), not {expected}");

    /// <summary><c>...</c>: anything.</summary>
    public sealed record AnyShape : AnswerShape
    {
        protected override void Compare(JsonNode? actual, string path, List<string> mismatches)
        {
        }
    }

    /// <summary>A value of one kind: a string, a number, a boolean or null.</summary>
    public sealed record KindShape(string Kind) : AnswerShape
    {
        protected override void Compare(JsonNode? actual, string path, List<string> mismatches)
        {
            if (KindOf(actual) != Kind)
            {
                WrongKind(actual, Kind, path, mismatches);
            }
        }
    }

    /// <summary>An object: its keys (with a shape, or null for any value), and whether others may follow.</summary>
    public sealed record ObjectShape(IReadOnlyList<KeyValuePair<string, AnswerShape?>> Keys, bool MoreKeys) : AnswerShape
    {
        protected override void Compare(JsonNode? actual, string path, List<string> mismatches)
        {
            if (actual is not JsonObject answer)
            {
                WrongKind(actual, "an object", path, mismatches);
                return;
            }

            foreach (var (key, shape) in Keys)
            {
                if (!answer.TryGetPropertyValue(key, out var value))
                {
                    mismatches.Add($"{path} has no \"{key}\" (it has {string.Join(", ", answer.Select(property => property.Key))})");
                }
                else
                {
                    shape?.Compare(value, $"{path}.{key}", mismatches);
                }
            }

            var unshown = answer.Select(property => property.Key).Except(Keys.Select(key => key.Key)).ToList();
            if (!MoreKeys && unshown.Count > 0)
            {
                mismatches.Add($"{path} has keys the README does not show: {string.Join(", ", unshown)}");
            }
        }
    }

    /// <summary>An array: the shape of every item (null: any item), or none at all when it is shown empty.</summary>
    public sealed record ArrayShape(AnswerShape? Item, bool Empty) : AnswerShape
    {
        protected override void Compare(JsonNode? actual, string path, List<string> mismatches)
        {
            if (actual is not JsonArray answer)
            {
                WrongKind(actual, "an array", path, mismatches);
                return;
            }

            if (Empty && answer.Count > 0)
            {
                mismatches.Add($"{path} has {answer.Count} items, shown empty: {Quote(answer.ToJsonString())}");
            }

            for (var index = 0; index < answer.Count && Item is not null; index++)
            {
                Item.Compare(answer[index], $"{path}[{index}]", mismatches);
            }
        }
    }

    /// <summary>Words, not JSON: the answer's last line.</summary>
    public sealed record TextShape(string Text) : AnswerShape
    {
        protected override void Compare(JsonNode? actual, string path, List<string> mismatches) =>
            throw new InvalidOperationException("Words are compared as the output's last line.");
    }

    private sealed class ShapeReader(string text)
    {
        private int _position;

        public AnswerShape ReadValue()
        {
            SkipSpace();
            if (TryRead("..."))
            {
                return new AnyShape();
            }

            if (TryRead("true") || TryRead("false"))
            {
                return new KindShape("a boolean");
            }

            if (TryRead("null"))
            {
                return new KindShape("null");
            }

            if (Peek() == '"')
            {
                ReadString();
                return new KindShape("a string");
            }

            return Peek() switch
            {
                '{' => ReadObject(),
                '[' => ReadArray(),
                var first when first == '-' || char.IsAsciiDigit(first) => ReadNumber(),
                _ => throw Error("a value"),
            };
        }

        public void ExpectEnd()
        {
            SkipSpace();
            if (_position < text.Length)
            {
                throw Error("the end of the shape");
            }
        }

        private ObjectShape ReadObject()
        {
            _position++;
            var keys = new List<KeyValuePair<string, AnswerShape?>>();
            var more = false;
            while (!TryReadAfterSpace('}'))
            {
                if (keys.Count > 0 || more)
                {
                    Expect(',');
                }

                SkipSpace();
                if (TryRead("..."))
                {
                    more = true;
                    continue;
                }

                var key = ReadString();
                keys.Add(new(key, TryReadAfterSpace(':') ? ReadValue() : null));
            }

            return new ObjectShape(keys, more);
        }

        private ArrayShape ReadArray()
        {
            _position++;
            AnswerShape? item = null;
            var more = false;
            var first = true;
            while (!TryReadAfterSpace(']'))
            {
                if (!first)
                {
                    Expect(',');
                }

                first = false;
                var value = ReadValue();
                if (value is AnyShape)
                {
                    more = true;
                }
                else
                {
                    item ??= value;
                }
            }

            return new ArrayShape(item, Empty: item is null && !more);
        }

        private string ReadString()
        {
            Expect('"');
            var value = new StringBuilder();
            while (_position < text.Length && text[_position] != '"')
            {
                if (text[_position] == '\\')
                {
                    _position++;
                }

                if (_position < text.Length)
                {
                    value.Append(text[_position++]);
                }
            }

            Expect('"');
            return value.ToString();
        }

        private KindShape ReadNumber()
        {
            var start = _position;
            while (_position < text.Length && (char.IsAsciiDigit(text[_position]) || text[_position] is '-' or '+' or '.' or 'e' or 'E'))
            {
                _position++;
            }

            return double.TryParse(text[start.._position], NumberStyles.Float, CultureInfo.InvariantCulture, out _)
                ? new KindShape("a number")
                : throw Error("a number");
        }

        private void Expect(char expected)
        {
            if (!TryReadAfterSpace(expected))
            {
                throw Error($"'{expected}'");
            }
        }

        private bool TryReadAfterSpace(char expected)
        {
            SkipSpace();
            if (Peek() != expected)
            {
                return false;
            }

            _position++;
            return true;
        }

        private bool TryRead(string word)
        {
            if (string.CompareOrdinal(text, _position, word, 0, word.Length) != 0)
            {
                return false;
            }

            _position += word.Length;
            return true;
        }

        private char Peek() => _position < text.Length ? text[_position] : '\0';

        private void SkipSpace()
        {
            while (_position < text.Length && char.IsWhiteSpace(text[_position]))
            {
                _position++;
            }
        }

        private FormatException Error(string expected) =>
            new($"The README's answer shape has no {expected} at character {_position}: {text[.._position]}⟨here⟩{text[_position..]}");
    }
}
