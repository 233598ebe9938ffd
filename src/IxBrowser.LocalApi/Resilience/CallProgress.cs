using System;
using System.Diagnostics;

namespace IxBrowser.LocalApi;

/// <summary>One call's progress through the pipeline's retries: how long it has run, and the retries MaxRetryAttempts counts.</summary>
internal sealed class CallProgress
{
    private readonly long _started = Stopwatch.GetTimestamp();

    public TimeSpan Elapsed => TimeSpan.FromSeconds((double)(Stopwatch.GetTimestamp() - _started) / Stopwatch.Frequency);

    /// <summary>Retries after failures other than 1010.</summary>
    public int CountedRetries { get; set; }
}
