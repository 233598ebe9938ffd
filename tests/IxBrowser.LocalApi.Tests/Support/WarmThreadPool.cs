using System;
using System.Threading;

namespace IxBrowser.LocalApi.Tests.Support;

/// <summary>
/// Raises the thread pool's minimum while a timing test runs, and puts it back when the last such
/// test ends (tests run in parallel, so the tests that raised it are counted). On 2 cores a cold pool
/// adds a thread about every half second once its threads are busy: a continuation can then start
/// 0.5-1 s late, which a test of the client's timing would blame on the client.
/// </summary>
internal sealed class WarmThreadPool : IDisposable
{
    private const int Minimum = 32;
    private static readonly object Gate = new();
    private static int _holders;
    private static (int Workers, int Ports) _before;
    private bool _disposed;

    private WarmThreadPool()
    {
    }

    public static WarmThreadPool Hold()
    {
        lock (Gate)
        {
            if (_holders++ == 0)
            {
                ThreadPool.GetMinThreads(out var workers, out var ports);
                _before = (workers, ports);
                ThreadPool.SetMinThreads(Math.Max(workers, Minimum), Math.Max(ports, Minimum));
            }
        }

        return new WarmThreadPool();
    }

    public void Dispose()
    {
        lock (Gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            if (--_holders == 0)
            {
                ThreadPool.SetMinThreads(_before.Workers, _before.Ports);
            }
        }
    }
}
