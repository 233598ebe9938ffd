using System.Collections.Generic;
using System.Linq;
using System.Threading;

namespace IxBrowser.LocalApi.Testing;

/// <summary>The last requests the simulator received (a bounded number), and how many it received in all.</summary>
internal sealed class RequestLog(int capacity)
{
    private readonly Queue<ReceivedRequest> _recent = new();
    private long _total;

    public long Total => Interlocked.Read(ref _total);

    public void Add(ReceivedRequest request)
    {
        lock (_recent)
        {
            _recent.Enqueue(request);
            while (_recent.Count > capacity)
            {
                _recent.Dequeue();
            }

            _total++;
        }
    }

    public IReadOnlyList<ReceivedRequest> Recent()
    {
        lock (_recent)
        {
            return _recent.ToList();
        }
    }
}
