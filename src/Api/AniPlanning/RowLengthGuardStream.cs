namespace AniPlanner.Api.AniPlanning;

/// <summary>
/// A read-only view of a request body that refuses it (413) once more than a row's worth of bytes
/// arrives between two rows: what a reader that buffers each row whole (JSON) would otherwise
/// hold, however long the row. <paramref name="slack"/> covers the reader's own read-ahead.
/// </summary>
public sealed class RowLengthGuardStream(Stream inner, int maxRowLength, int slack) : Stream
{
    private long _sinceRowEnded;
    private long _rows;

    /// <summary>Called each time the reader completes a row.</summary>
    public void RowEnded()
    {
        _sinceRowEnded = 0;
        _rows++;
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var read = await inner.ReadAsync(buffer, cancellationToken);
        Count(read);
        return read;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count)
    {
        var read = inner.Read(buffer, offset, count);
        Count(read);
        return read;
    }

    private void Count(int read)
    {
        _sinceRowEnded += read;
        if (_sinceRowEnded > (long)maxRowLength + slack)
        {
            throw new BadHttpRequestException(
                $"Dial {_rows} of the JSON array is longer than {maxRowLength} bytes (DialImport:MaxRowLength); a dial takes a few hundred. "
                + "Nothing of this request was stored.",
                StatusCodes.Status413PayloadTooLarge);
        }
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
