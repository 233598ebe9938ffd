using System;

namespace IxBrowser.LocalApi;

/// <summary>
/// Base of every exception the client throws for a call that did not succeed (argument errors
/// excepted). Catch this type to handle all failures of the local API in one place.
/// </summary>
/// <remarks>Messages never contain proxy passwords, proxy user names or extraction URLs.</remarks>
public abstract class IxBrowserException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="operation">The operation that failed (its operationId, for example <c>UpdateProxy</c>).</param>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause, if any.</param>
    protected IxBrowserException(string operation, string message, Exception? innerException)
        : base(message, innerException)
    {
        Operation = operation;
    }

    /// <summary>The operation that failed, as named by the spec's operationId (for example <c>UpdateProxy</c>).</summary>
    public string Operation { get; }

    private IxBrowserCall? _call;

    /// <summary>How many times the request was tried before the call gave up (0 if the exception did not come from a call, or while the call still runs).</summary>
    public int Attempts => _call is { IsFinished: true } call ? call.Attempts : 0;

    /// <summary>How long the call ran, retries and waits for the gate included.</summary>
    public TimeSpan Elapsed => _call is { IsFinished: true } call ? call.Elapsed : TimeSpan.Zero;

    /// <summary>The message, with the attempts and time the call took once it gave up, and what to do where that depends on them.</summary>
    public override string Message =>
        Attempts == 0
            ? base.Message
            : string.Format(
                System.Globalization.CultureInfo.InvariantCulture,
                "{0} ({1} attempt{2} in {3:0.0} s.){4}",
                base.Message,
                Attempts,
                Attempts == 1 ? string.Empty : "s",
                Elapsed.TotalSeconds,
                Advice is { } advice ? " " + advice : string.Empty);

    /// <summary>What the caller can do about this failure, given how the call went; <see langword="null"/> if nothing specific.</summary>
    private protected virtual string? Advice => null;

    /// <summary>
    /// Binds the exception to the call it was made for, where it is made: its attempts and time are
    /// the call's once the call gives up. Set once; the client calls it for every failure of an attempt.
    /// </summary>
    internal IxBrowserException Of(IxBrowserCall call)
    {
        _call ??= call;
        return this;
    }
}
