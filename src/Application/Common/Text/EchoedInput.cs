namespace AniPlanner.Application.Common.Text;

/// <summary>
/// A caller's value quoted back in an error message: cut to <see cref="MaxLength"/> characters
/// and an ellipsis, so a huge value is not reflected back whole (the message says which value
/// it was; the caller has the rest). Messages are JSON strings, never HTML.
/// </summary>
public static class EchoedInput
{
    public const int MaxLength = 100;

    public static string Shorten(string? value)
    {
        if (value is null || value.Length <= MaxLength)
        {
            return value ?? "";
        }

        // Never between the two halves of a surrogate pair: half an emoji is not text.
        var end = char.IsHighSurrogate(value[MaxLength - 1]) ? MaxLength - 1 : MaxLength;
        return string.Concat(value.AsSpan(0, end), "…");
    }
}
