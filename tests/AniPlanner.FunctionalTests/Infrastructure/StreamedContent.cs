using System.Net;

namespace AniPlanner.FunctionalTests.Infrastructure;

/// <summary>A body written as it is sent, never held whole by the test either.</summary>
public sealed class StreamedContent(Func<Stream, Task> write) : HttpContent
{
    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => write(stream);

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }
}
