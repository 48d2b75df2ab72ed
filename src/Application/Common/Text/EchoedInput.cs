namespace AniPlanner.Application.Common.Text;

/// <summary>
/// A caller's value quoted back in an error message: cut to <see cref="MaxLength"/> characters
/// and an ellipsis, so a huge value is not reflected back whole (the message says which value
/// it was; the caller has the rest). Messages are JSON strings, never HTML.
/// </summary>
public static class EchoedInput
{
    public const int MaxLength = 100;

    public static string Shorten(string? value) => Cut(value ?? "", MaxLength);

    /// <summary>The text cut to <paramref name="length"/> characters and an ellipsis, when longer.</summary>
    public static string Cut(string text, int length)
    {
        if (text.Length <= length)
        {
            return text;
        }

        // Never between the two halves of a surrogate pair: half an emoji is not text.
        var end = char.IsHighSurrogate(text[length - 1]) ? length - 1 : length;
        return string.Concat(text.AsSpan(0, end), "…");
    }
}
