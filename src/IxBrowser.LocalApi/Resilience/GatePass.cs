using System;
using System.Threading.RateLimiting;

namespace IxBrowser.LocalApi;

/// <summary>An attempt's way through the gate (<see cref="IxBrowserGate.EnterAsync"/>): disposing it gives the concurrency slot back, if the attempt took one.</summary>
internal readonly struct GatePass(RateLimitLease? slot) : IDisposable
{
    public void Dispose() => slot?.Dispose();
}
