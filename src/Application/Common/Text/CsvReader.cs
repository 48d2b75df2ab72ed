using System.Text;

namespace AniPlanner.Application.Common.Text;

/// <summary>
/// Reads RFC 4180 CSV one record at a time: quoted fields, doubled quotes, and line breaks
/// inside quotes. Streams: only the current record is held.
/// </summary>
public sealed class CsvReader(TextReader reader)
{
    private readonly StringBuilder _field = new();

    /// <summary>The next record's fields, or null at the end of the input.</summary>
    public async ValueTask<List<string>?> ReadRecordAsync(CancellationToken cancellationToken = default)
    {
        var line = await reader.ReadLineAsync(cancellationToken);
        if (line is null)
        {
            return null;
        }

        var fields = new List<string>();
        _field.Clear();
        var quoted = false;
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
                return fields;
            }

            // A quoted field runs on to the next line.
            line = await reader.ReadLineAsync(cancellationToken);
            if (line is null)
            {
                fields.Add(_field.ToString());
                return fields;
            }

            _field.Append('\n');
        }
    }
}
