using AniPlanner.Domain.AniPlanning.Dispositions;

namespace AniPlanner.Application.AniPlanning.Common;

/// <summary>A disposition's type as dialers write it, "System" or "Agent", read in any case.</summary>
public static class DispositionTypes
{
    public static IReadOnlyList<string> Names { get; } = Enum.GetNames<DispositionType>();

    public static DispositionType? Parse(string? wire) =>
        Enum.GetValues<DispositionType>().Select(type => (DispositionType?)type)
            .FirstOrDefault(type => string.Equals(type.ToString(), wire?.Trim(), StringComparison.OrdinalIgnoreCase));
}
