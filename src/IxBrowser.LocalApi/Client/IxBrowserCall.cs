using System;
using System.Diagnostics;
using System.Threading;

namespace IxBrowser.LocalApi;

/// <summary>
/// One call, from the public method to its outcome: the operation, the request, when it started, its
/// attempts and the retries that count towards MaxRetryAttempts. The client creates it, the pipeline
/// reads it from the resilience context (retry safety and budget), and every exception of an attempt is
/// made for it (<see cref="IxBrowserException.Of"/>) and reads its attempts and elapsed time from it once
/// it is finished. Nothing about a call travels on the side.
/// </summary>
internal abstract class IxBrowserCall(IxBrowserOperation operation, object request)
{
    private readonly long _started = Stopwatch.GetTimestamp();
    private long _finished;

    public IxBrowserOperation Operation { get; } = operation;

    public object Request { get; } = request;

    /// <summary>x-retry-safe of the operation: whether a failure that may have reached the app can be retried.</summary>
    public bool RetrySafe => Operation.RetrySafe;

    /// <summary>Attempts so far; they run one after another (retries never overlap), so no interlocking is needed.</summary>
    public int Attempts { get; protected set; }

    /// <summary>Retries after failures other than 1010, which MaxRetryAttempts counts.</summary>
    public int CountedRetries { get; set; }

    /// <summary>Whether the call has given up or succeeded: its attempts and time no longer change.</summary>
    public bool IsFinished => Volatile.Read(ref _finished) != 0;

    /// <summary>How long the call ran: until now, or until it finished.</summary>
    public TimeSpan Elapsed => TimeSpan.FromSeconds((double)((IsFinished ? _finished : Stopwatch.GetTimestamp()) - _started) / Stopwatch.Frequency);

    /// <summary>Ends the call's clock; called once, when the pipeline hands back its outcome.</summary>
    public void Finish() => Volatile.Write(ref _finished, Stopwatch.GetTimestamp());
}
