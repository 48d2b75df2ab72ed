namespace AniPlanner.Application.AniPlanning.AniInventory.UpsertAnis;

/// <summary>
/// One ANI as the caller sends it. Properties, not a positional record: System.Text.Json reports a
/// constructor parameter of the wrong JSON type under the record's type, so the 400 could not say
/// that "managed" must be true or false.
/// </summary>
public sealed record AniInput
{
    public string? Number { get; init; }
    public string? Status { get; init; }
    public bool? Managed { get; init; }
}
