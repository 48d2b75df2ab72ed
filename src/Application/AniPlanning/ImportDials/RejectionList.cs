using System.Text;
using AniPlanner.Application.AniPlanning.Common;
using AniPlanner.Application.Common.Text;

namespace AniPlanner.Application.AniPlanning.ImportDials;

/// <summary>Counts every rejected row; itemises the first ones, within a count and a byte budget.</summary>
internal sealed class RejectionList(DialImportOptions limits)
{
    private long _bytes;
    private bool _full;

    public List<RejectedDial> Itemised { get; } = [];
    public long Count { get; private set; }

    public void Add(long index, string? callId, string message)
    {
        Count++;
        var rejection = new RejectedDial(index, callId is null ? null : EchoedInput.Cut(callId, DialRowRules.MaxCallIdLength), message);

        // The answer's size per rejection: its text plus the JSON around it.
        var bytes = Encoding.UTF8.GetByteCount(message) + Encoding.UTF8.GetByteCount(rejection.CallId ?? "") + 48;
        _full = _full || Itemised.Count >= limits.MaxItemisedRejections || _bytes + bytes > limits.MaxRejectionBytes;
        if (!_full)
        {
            Itemised.Add(rejection);
            _bytes += bytes;
        }
    }
}
