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

    /// <summary>How many times the request was tried before the call gave up (0 if the exception did not come from a call).</summary>
    public int Attempts { get; private set; }

    /// <summary>How long the call ran, retries and waits for the gate included.</summary>
    public TimeSpan Elapsed { get; private set; }

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

    /// <summary>Records how the call went, when it gives up with this exception.</summary>
    internal void Record(int attempts, TimeSpan elapsed)
    {
        Attempts = attempts;
        Elapsed = elapsed;
    }
}
