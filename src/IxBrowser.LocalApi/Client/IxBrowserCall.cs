using System;
using System.Diagnostics;

namespace IxBrowser.LocalApi;

/// <summary>
/// One call, from the public method to its outcome: the operation, the request, when it started, its
/// attempts and the retries that count towards MaxRetryAttempts. The client creates it, the pipeline
/// reads it from the resilience context (retry safety and budget), and the outcome's exception gets its
/// attempts and elapsed time from it. Nothing about a call travels on the side.
/// </summary>
internal abstract class IxBrowserCall(IxBrowserOperation operation, object request)
{
    private readonly long _started = Stopwatch.GetTimestamp();

    public IxBrowserOperation Operation { get; } = operation;

    public object Request { get; } = request;

    /// <summary>x-retry-safe of the operation: whether a failure that may have reached the app can be retried.</summary>
    public bool RetrySafe => Operation.RetrySafe;

    /// <summary>Attempts so far; they run one after another (retries never overlap), so no interlocking is needed.</summary>
    public int Attempts { get; protected set; }

    /// <summary>Retries after failures other than 1010, which MaxRetryAttempts counts.</summary>
    public int CountedRetries { get; set; }

    public TimeSpan Elapsed => TimeSpan.FromSeconds((double)(Stopwatch.GetTimestamp() - _started) / Stopwatch.Frequency);
}
