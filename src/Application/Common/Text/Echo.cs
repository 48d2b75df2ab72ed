namespace AniPlanner.Application.Common.Text;

/// <summary>
/// Input quoted back in an error message, cut short: the caller recognises the value without the
/// answer growing with whatever was sent.
/// </summary>
public static class Echo
{
    public const int MaxLength = 64;

    public static string Of(string? value) => Of(value, MaxLength);

    public static string Of(string? value, int maxLength) =>
        value is null || value.Length <= maxLength ? value ?? "" : string.Concat(value.AsSpan(0, maxLength), "…");
}
