namespace AniPlanner.Infrastructure.AniPlanning;

/// <summary>
/// A dial import on SQLite whose rows are being written in short transactions (see
/// <see cref="SqliteDialStore"/>). Its dials carry its id (Dials.ImportId); until
/// <see cref="CommittedAtUtc"/> is set they count in no rollup, and the next start removes them.
/// </summary>
public sealed class SqliteDialImport
{
    public const string Table = "DialImports";
    public const string DialsColumn = "ImportId";

    public long Id { get; set; }
    public Guid CustomerId { get; set; }
    public DateTime StartedAtUtc { get; set; }
    public DateTime? CommittedAtUtc { get; set; }
}
