using System.Text;

namespace AniPlanner.Application.Common.Text;

/// <summary>
/// Reads RFC 4180 CSV one record at a time: quoted fields, doubled quotes, and line breaks
/// inside quotes. Streams: only the current record is held, and never more than
/// <c>maxRecordLength</c> characters of it (a longer record, such as the rest of a file after an
/// unclosed quote, throws <see cref="CsvRecordTooLongException"/>).
/// </summary>
public sealed class CsvReader(TextReader reader, int maxRecordLength = CsvReader.UnlimitedLength)
{
    public const int UnlimitedLength = int.MaxValue - 1;

    private readonly BoundedLineReader _lines = new(reader, maxRecordLength);
    private readonly StringBuilder _field = new();
    private long _records;

    /// <summary>The next record's fields, or null at the end of the input.</summary>
    public async ValueTask<List<string>?> ReadRecordAsync(CancellationToken cancellationToken = default)
    {
        var line = await ReadLineAsync(0, cancellationToken);
        if (line is null)
        {
            return null;
        }

        var fields = new List<string>();
        _field.Clear();
        var quoted = false;
        var length = line.Length;
        while (true)
        {
            for (var index = 0; index < line.Length; index++)
            {
                var character = line[index];
                if (quoted)
                {
                    if (character != '"')
                    {
                        _field.Append(character);
                    }
                    else if (index + 1 < line.Length && line[index + 1] == '"')
                    {
                        _field.Append('"');
                        index++;
                    }
                    else
                    {
                        quoted = false;
                    }
                }
                else if (character == '"' && _field.Length == 0)
                {
                    quoted = true;
                }
                else if (character == ',')
                {
                    fields.Add(_field.ToString());
                    _field.Clear();
                }
                else
                {
                    _field.Append(character);
                }
            }

            if (!quoted)
            {
                fields.Add(_field.ToString());
                _records++;
                return fields;
            }

            // A quoted field runs on to the next line.
            line = await ReadLineAsync(length, cancellationToken);
            if (line is null)
            {
                fields.Add(_field.ToString());
                _records++;
                return fields;
            }

            length += line.Length + 1;
            _field.Append('\n');
        }
    }

    private async ValueTask<string?> ReadLineAsync(int recordLengthSoFar, CancellationToken cancellationToken)
    {
        var line = await _lines.ReadLineAsync(cancellationToken);
        if (line is { TooLong: true } || recordLengthSoFar + (line?.Text.Length ?? 0) > _lines.MaxLength)
        {
            throw new CsvRecordTooLongException(_records, _lines.MaxLength);
        }

        return line?.Text;
    }
}

/// <summary>A CSV record passed the reader's length limit; <see cref="RecordIndex"/> counts from 0 (the header).</summary>
public sealed class CsvRecordTooLongException(long recordIndex, int maxLength) : Exception(
    $"CSV record {recordIndex} is longer than {maxLength} characters; check for a quote that is never closed.")
{
    public long RecordIndex { get; } = recordIndex;
    public int MaxLength { get; } = maxLength;
}
