using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace AniPlanner.Infrastructure.Persistence;

/// <summary>
/// A statement prepared on SQLite itself, for bulk writes that run it once per row. A
/// <see cref="SqliteCommand"/> re-walks its statement list, takes handle references, boxes every
/// parameter value and copies every string to UTF-8 on each execution: a fifth of a dial import's
/// CPU. Parameters are bound by position (<c>?1</c>, <c>?2</c>, ...); texts go from their UTF-16
/// characters, copied by SQLite. Runs on the connection's current transaction, like any statement.
/// </summary>
internal sealed class SqliteRowStatement : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly sqlite3_stmt _statement;

    public SqliteRowStatement(SqliteConnection connection, string sql)
    {
        _connection = connection;
        Check(raw.sqlite3_prepare_v2(connection.Handle, sql, out _statement));
    }

    public void Bind(int position, long value) => Check(raw.sqlite3_bind_int64(_statement, position, value));

    public void BindNull(int position) => Check(raw.sqlite3_bind_null(_statement, position));

    /// <summary>An empty span would bind NULL (its pointer is null), so "" goes as a string.</summary>
    public void Bind(int position, ReadOnlySpan<char> text) => Check(text.IsEmpty
        ? raw.sqlite3_bind_text(_statement, position, "")
        : raw.sqlite3_bind_text16(_statement, position, text));

    /// <summary>The day as EF Core stores a <see cref="DateOnly"/> in SQLite ("2026-05-04").</summary>
    public void Bind(int position, DateOnly day)
    {
        Span<char> text = stackalloc char[SqliteText.DayLength];
        SqliteText.WriteDay(text, day);
        Bind(position, text);
    }

    /// <summary>The time as EF Core stores a <see cref="DateTime"/> in SQLite ("2026-05-04 14:03:00", a fraction only when there is one).</summary>
    public void Bind(int position, DateTime utc)
    {
        if (utc.Ticks % TimeSpan.TicksPerSecond != 0)
        {
            Bind(position, SqliteText.Time(utc));
            return;
        }

        Span<char> text = stackalloc char[SqliteText.WholeSecondLength];
        SqliteText.WriteWholeSecond(text, utc);
        Bind(position, text);
    }

    /// <summary>Runs the statement with the values bound; answers how many rows it inserted, updated or deleted.</summary>
    public int Execute()
    {
        var stepped = raw.sqlite3_step(_statement);
        raw.sqlite3_reset(_statement);
        if (stepped != raw.SQLITE_DONE)
        {
            Check(stepped);
        }

        return raw.sqlite3_changes(_connection.Handle);
    }

    /// <summary>The rowid SQLite gave the row the connection inserted last.</summary>
    public long LastInsertedRowId => raw.sqlite3_last_insert_rowid(_connection.Handle);

    public void Dispose() => _statement.Dispose();

    private void Check(int result)
    {
        if (result != raw.SQLITE_OK)
        {
            SqliteException.ThrowExceptionForRC(result, _connection.Handle);
        }
    }
}
