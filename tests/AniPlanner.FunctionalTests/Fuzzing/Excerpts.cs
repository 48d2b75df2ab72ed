namespace AniPlanner.FunctionalTests.Fuzzing;

/// <summary>Long values cut for reports, never between the two halves of a surrogate pair (an emoji).</summary>
public static class Excerpts
{
    public static string Cut(string value, int length)
    {
        if (value.Length <= length)
        {
            return value;
        }

        var end = char.IsHighSurrogate(value[length - 1]) ? length - 1 : length;
        return value[..end] + $"…(+{value.Length - end:N0} chars)";
    }
}
