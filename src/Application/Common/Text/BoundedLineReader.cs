using System.Text;

namespace AniPlanner.Application.Common.Text;

/// <summary>
/// Reads text line by line (ending at '\n', with a trailing '\r' dropped) without ever holding
/// more than <c>maxLength</c> characters of one line: a longer line is read past and reported as
/// too long, so a single endless line cannot take the process's memory.
/// </summary>
public sealed class BoundedLineReader(TextReader reader, int maxLength)
{
    private readonly char[] _buffer = new char[8192];
    private readonly StringBuilder _line = new();
    private int _position;
    private int _count;

    public int MaxLength => maxLength;

    /// <summary>The next line, or null at the end of the input.</summary>
    public async ValueTask<BoundedLine?> ReadLineAsync(CancellationToken cancellationToken = default)
    {
        _line.Clear();
        var tooLong = false;
        var started = false;
        while (true)
        {
            if (_position == _count)
            {
                _count = await reader.ReadAsync(_buffer.AsMemory(), cancellationToken);
                _position = 0;
                if (_count == 0)
                {
                    return started ? Finish(tooLong) : null;
                }
            }

            started = true;
            var available = _buffer.AsSpan(_position, _count - _position);
            var newline = available.IndexOf('\n');
            var part = newline < 0 ? available : available[..newline];
            if (!tooLong && _line.Length + part.Length > maxLength + 1)
            {
                // One more than the limit leaves room for the '\r' of a CRLF line ending.
                tooLong = true;
                _line.Clear();
            }
            else if (!tooLong)
            {
                _line.Append(part);
            }

            if (newline >= 0)
            {
                _position += newline + 1;
                return Finish(tooLong);
            }

            _position = _count;
        }
    }

    private BoundedLine Finish(bool tooLong)
    {
        if (_line.Length > 0 && _line[^1] == '\r')
        {
            _line.Length--;
        }

        return tooLong || _line.Length > maxLength ? new BoundedLine("", TooLong: true) : new BoundedLine(_line.ToString(), TooLong: false);
    }
}

/// <summary>A line's text, or <see cref="TooLong"/> (and no text) when it passed the reader's limit.</summary>
public readonly record struct BoundedLine(string Text, bool TooLong);
